#!/usr/bin/env bash
# The nginx tests (deploy/nginx config check, scale test) use Debian's nginx binary; they start
# their own instance with their own prefix and never touch the system service. Installs it when
# missing and this user may; otherwise says how.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx installeren voor de deploy- en schaaltests (Debian-pakket)..."
  # policy-rc.d 101: the package must not start (or enable) the system nginx on port 80.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  trap '[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  exit 0
fi
echo "nginx ontbreekt: installeer het pakket 'nginx' (de nginx-tests worden anders overgeslagen)." >&2
