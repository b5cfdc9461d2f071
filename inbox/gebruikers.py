"""Creates inbox accounts for the deskundigenteam.

    python -m inbox.gebruikers nieuw <naam>     # asks the password (or reads it from stdin)
    python -m inbox.gebruikers lijst
"""
from __future__ import annotations

import getpass
import sys

from bot.zaken.behandeling import create_user, user_names
from bot.zaken.opslag import CaseStore


def main(argv: list[str]) -> int:
    store = CaseStore()
    store.migrate()
    if argv[:1] == ["lijst"]:
        print("\n".join(user_names(store)))
        return 0
    if len(argv) == 2 and argv[0] == "nieuw":
        password = getpass.getpass("Wachtwoord (minstens 12 tekens): ") if sys.stdin.isatty() \
            else sys.stdin.readline().rstrip("\n")
        try:
            create_user(store, argv[1], password)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"Gebruiker {argv[1]} is aangemaakt.")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
