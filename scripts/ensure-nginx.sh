#!/usr/bin/env bash
# The nginx tests (deploy/nginx config check, scale test) use Debian's nginx binary, and the scale
# and outage tests (tests/e2e/test_schaal.py, test_storing.py) start Redis servers of their own
# with Debian's redis-server binary; they use their own prefix and free ports and never touch a
# system service. Installs what is missing when this user may; otherwise says how.
set -euo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ "${#missing[@]}" = 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "${missing[*]} installeren voor de deploy-, schaal- en storingstests (Debian-pakketten)..."
  # policy-rc.d 101: the packages must not start (or enable) the system nginx on port 80 or a
  # system Redis.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  trap '[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "${missing[*]} ontbreekt: installeer de Debian-pakketten '${missing[*]}' (de schaal- en storingstests falen anders)." >&2
exit 1
