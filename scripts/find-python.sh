#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter, or explains how to get one.
# Rasa Open Source 3.6 supports Python 3.8-3.10 only, so 3.11+ will not do.
set -euo pipefail

is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

for candidate in "${PYTHON:-}" python3.10 python3 python; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for dir in $(ls -d "$root"/versions/3.10.* 2>/dev/null | sort -V -r); do
    if is_310 "$dir/bin/python3.10"; then echo "$dir/bin/python3.10"; exit 0; fi
  done
fi

cat >&2 <<'MSG'
Geen Python 3.10 gevonden (No Python 3.10 found).
Rasa 3.6 needs Python 3.10 (3.11 and newer do not work). Install it, for example:
  pyenv install 3.10      # then run make again
  apt-get install python3.10 python3.10-venv
or point to one:  make run PYTHON=/path/to/python3.10
MSG
exit 1
