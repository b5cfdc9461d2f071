"""Contact details in transit: sealed before they go into a slot.

The handoff asks for a name, e-mail address and phone number over several turns, and
Rasa keeps slots in the tracker store. So the action server seals each value with a key
only it has (`KLUIS_SLEUTEL`, a Fernet key) and keeps the sealed token in the slot; the
tracker store never holds the details readable. When the case is made they go, opened,
into the case record only, and the slots are cleared. Without a configured key a random
key per process is used (fine for `make run`; after a restart the user is asked again).
"""
from __future__ import annotations

import functools
import logging
import os

from cryptography.fernet import Fernet, InvalidToken

PREFIX = "kluis:"
logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _fernet() -> Fernet:
    key = os.environ.get("KLUIS_SLEUTEL")
    if not key:
        logger.warning("KLUIS_SLEUTEL niet gezet: tijdelijke sleutel voor dit proces.")
        key = Fernet.generate_key().decode()
    return Fernet(key.encode())


def sluit(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode()).decode()


def open_(value: str | None) -> str | None:
    """The value in clear; None when it cannot be opened (another key, or tampered)."""
    if not value or not value.startswith(PREFIX):
        return None
    try:
        return _fernet().decrypt(value[len(PREFIX):].encode()).decode()
    except InvalidToken:
        return None


def gesloten(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def nieuwe_sleutel() -> str:
    """For `python -m bot.kluis`: prints a key to put in KLUIS_SLEUTEL."""
    return Fernet.generate_key().decode()


if __name__ == "__main__":
    print(nieuwe_sleutel())
