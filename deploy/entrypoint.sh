#!/usr/bin/env bash
# Entrypoint of the Wegwijzer image: one image, one subcommand per process.
#
#   wegwijzer rasa              Rasa server (API on, token required, CORS from CORS_ORIGINS)
#   wegwijzer actions           action server
#   wegwijzer inbox             the deskundigenteam's inbox
#   wegwijzer werker            outbox + notifications worker
#   wegwijzer migrate           one-shot: case-store migrations and the tracker-store tables
#   wegwijzer purge             one-shot: delete conversations and cases past their retention
#   wegwijzer purge-dagelijks   purge now, then every day at PURGE_TIJD (default 03:30)
#   wegwijzer gezond DIENST     healthcheck of a service (rasa|actions|inbox|werker|purge)
#   wegwijzer inbox-gebruiker NAAM   create an inbox account (password from the terminal/stdin)
#   wegwijzer <anything else>   runs it as is (e.g. `wegwijzer bash`)
#
# The commands are the ones devtools/stack.py runs locally, so production runs what the
# tests ran. Every setting comes from the environment (deploy/README.md); nothing secret is
# baked into the image. WEGWIJZER_DRY_RUN=1 prints the command instead of running it (tests).
set -euo pipefail
set -f  # no globbing: CORS_ORIGINS is split on spaces, and "*" must stay "*"

HOME_DIR="${WEGWIJZER_HOME:-/opt/wegwijzer}"
MODEL="${WEGWIJZER_MODEL:-$HOME_DIR/models/wegwijzer.tar.gz}"
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
INBOX_PORT="${INBOX_PORT:-8081}"
PURGE_OK="${PURGE_OK_FILE:-/tmp/wegwijzer-purge-ok}"

fail() { echo "wegwijzer: $*" >&2; exit 64; }

run() {
  if [ "${WEGWIJZER_DRY_RUN:-0}" = "1" ]; then
    printf '%s\n' "$@"
    exit 0
  fi
  exec "$@"
}

require() {
  local name
  for name in "$@"; do
    [ -n "${!name:-}" ] || fail "$name ontbreekt (zie deploy/.env.example)"
  done
}

# A secret must be set, long enough, and not an example value (the Rasa chart's defaults
# "UNSET"/"rasaToken", or deploy/.env.example's "vervang-mij").
check_secret() {
  local name="$1" value
  require "$name"
  value="${!name}"
  case "$value" in
    UNSET|rasaToken|token|*vervang-mij*|change-me*) fail "$name is een voorbeeldwaarde" ;;
  esac
  [ "${#value}" -ge 32 ] || fail "$name is te kort (minstens 32 tekens; openssl rand -hex 32)"
}

# Database URLs and the Redis password carry the passwords of deploy/.env: no example values.
check_no_placeholders() {
  local name
  for name in "$@"; do
    case "${!name:-}" in
      *vervang-mij*) fail "$name bevat een voorbeeldwachtwoord (vervang-mij)" ;;
    esac
  done
}

check_cors() {
  require CORS_ORIGINS
  local origin
  for origin in $CORS_ORIGINS; do
    case "$origin" in
      '*') fail "CORS_ORIGINS='*' is niet toegestaan in productie: noem de sites met de widget" ;;
      https://*|http://localhost*|http://127.0.0.1*) ;;
      *) fail "CORS_ORIGINS: '$origin' is geen https-origin" ;;
    esac
  done
}

# endpoints.yml reads every lock-store variable; the defaults are devtools/stack.py's.
lock_store_defaults() {
  export LOCK_STORE_TYPE="${LOCK_STORE_TYPE:-in_memory}" REDIS_HOST="${REDIS_HOST:-127.0.0.1}" \
    REDIS_PORT="${REDIS_PORT:-6379}" REDIS_PASSWORD="${REDIS_PASSWORD-}" REDIS_DB="${REDIS_DB:-1}"
  if [ "$LOCK_STORE_TYPE" = "in_memory" ]; then
    echo "wegwijzer: LOCK_STORE_TYPE=in_memory: alleen voor één Rasa-instantie" >&2
  fi
}

# The action server seals contact details with KLUIS_SLEUTEL (bot/kluis.py); every replica
# needs the same Fernet key, or a detail sealed by one cannot be opened by another.
check_fernet_key() {
  require KLUIS_SLEUTEL
  check_no_placeholders KLUIS_SLEUTEL
  [[ "$KLUIS_SLEUTEL" =~ ^[A-Za-z0-9_-]{43}=$ ]] \
    || fail "KLUIS_SLEUTEL is geen Fernet-sleutel (44 tekens url-safe base64; zie deploy/README.md)"
}

rasa_server() {
  check_secret RASA_TOKEN
  check_cors
  require TRACKER_STORE_URL ACTION_ENDPOINT_URL
  lock_store_defaults
  check_no_placeholders TRACKER_STORE_URL REDIS_PASSWORD
  [ -f "$MODEL" ] || [ "${WEGWIJZER_DRY_RUN:-0}" = "1" ] || fail "geen model in $MODEL (make train vóór docker build)"
  # shellcheck disable=SC2086  # CORS_ORIGINS is a space-separated list: one --cors value each
  run rasa run \
    --model "$MODEL" \
    --endpoints "$HOME_DIR/endpoints.yml" \
    --credentials "$HOME_DIR/credentials.yml" \
    --port "$RASA_PORT" \
    --enable-api --auth-token "$RASA_TOKEN" \
    --cors $CORS_ORIGINS
}

http_ok() {
  python - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception as error:  # any failure is "not healthy"
    print(f"{sys.argv[1]}: {error}", file=sys.stderr)
    sys.exit(1)
PY
}

healthy() {
  case "${1:-}" in
    rasa) http_ok "http://127.0.0.1:$RASA_PORT/" ;;
    actions) http_ok "http://127.0.0.1:$ACTION_PORT/health" ;;
    inbox) http_ok "http://127.0.0.1:$INBOX_PORT/gezond" ;;
    werker)
      # The worker has no HTTP port: healthy when it can reach the case store and write
      # its outbox, no case waits there too long and no dead letter waits for the team.
      python -m bot.zaken.werker --gezond ;;
    purge)
      # Healthy while the last successful purge is less than 26 hours old.
      [ -n "$(find "$PURGE_OK" -mmin -1560 2>/dev/null)" ] ;;
    *) fail "gezond: onbekende dienst '${1:-}'" ;;
  esac
}

migrate() {
  require DATABASE_URL
  check_no_placeholders DATABASE_URL TRACKER_STORE_URL
  run python - <<'PY'
"""Schemas before the services start, so replicas never race to create them."""
import os
from bot.zaken.opslag import CaseStore

CaseStore().migrate()
print("zaken: schema bijgewerkt")
url = os.environ.get("TRACKER_STORE_URL", "")
if url and not url.startswith("sqlite"):
    from rasa.core.tracker_store import SQLTrackerStore

    SQLTrackerStore(host=url)  # creates the events table when missing
    print("tracker store: tabellen aanwezig")
PY
}

purge_daily() {
  local when="${PURGE_TIJD:-03:30}" now next
  date -d "today $when" >/dev/null 2>&1 || fail "PURGE_TIJD '$when' is geen tijd (HH:MM)"
  [ "${WEGWIJZER_DRY_RUN:-0}" = "1" ] && run python -m bot.bewaartermijn
  while true; do
    if python -m bot.bewaartermijn; then
      touch "$PURGE_OK"
      now=$(date +%s)
      next=$(date -d "today $when" +%s)
      [ "$next" -gt "$now" ] || next=$(date -d "tomorrow $when" +%s)
      sleep $(( next - now ))
    else
      echo "wegwijzer: opschonen mislukt; over een uur opnieuw" >&2
      sleep 3600
    fi
  done
}

cd "$HOME_DIR"
command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  rasa) rasa_server ;;
  actions)
    require DATABASE_URL
    check_fernet_key
    run rasa run actions --actions actions --port "$ACTION_PORT" ;;
  inbox)
    require DATABASE_URL
    check_secret INBOX_GEHEIM
    [ "${INBOX_SECURE_COOKIE:-0}" = "1" ] || echo "wegwijzer: INBOX_SECURE_COOKIE is niet 1 (alleen zonder HTTPS, om te testen)" >&2
    export INBOX_HOST="${INBOX_HOST:-0.0.0.0}"
    run python -m inbox.app ;;
  werker) require DATABASE_URL OUTBOX_DIR; run python -m bot.zaken.werker ;;
  migrate) migrate ;;
  purge) require TRACKER_STORE_URL DATABASE_URL; run python -m bot.bewaartermijn ;;
  purge-dagelijks) require TRACKER_STORE_URL DATABASE_URL; purge_daily ;;
  gezond) healthy "${1:-}" ;;
  inbox-gebruiker) [ -n "${1:-}" ] || fail "gebruik: inbox-gebruiker NAAM"; run python -m inbox.gebruikers nieuw "$1" ;;
  "") fail "geef een opdracht: rasa | actions | inbox | werker | migrate | purge | purge-dagelijks | gezond DIENST" ;;
  *) run "$command" "$@" ;;
esac
