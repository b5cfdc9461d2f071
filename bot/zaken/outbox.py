"""A durable local outbox for cases the database could not take.

When the case store is unreachable, the case is written to a file (atomically, and
flushed to disk) and handed to the store later by the worker (bot.zaken.werker).
Creation in the store is idempotent, so a retry after a crash never makes a duplicate.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.zaken.opslag import Aanvraag, CaseStore

logger = logging.getLogger(__name__)
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "var" / "outbox"


def outbox_dir() -> Path:
    return Path(os.environ.get("OUTBOX_DIR") or DEFAULT_DIR)


class Outbox:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or outbox_dir()
        self.directory.mkdir(parents=True, exist_ok=True)

    def put(self, aanvraag: Aanvraag) -> Path:
        """Writes the case so that it survives a crash right after this call."""
        target = self.directory / f"{aanvraag.aanvraag_id}.json"
        temporary = target.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(asdict(aanvraag), handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        directory = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        return target

    def pending(self) -> list[Path]:
        return sorted(self.directory.glob("*.json"))

    def flush(self, store: CaseStore) -> list[str]:
        """Hands every waiting case to the store; returns the references it got.

        Stops at the first database error and leaves the rest for the next try.
        """
        stored = []
        for path in self.pending():
            aanvraag = Aanvraag(**json.loads(path.read_text(encoding="utf-8")))
            try:
                stored.append(store.create(aanvraag))
            except SQLAlchemyError as error:
                logger.warning("Outbox: database still unreachable (%s)", type(error).__name__)
                break
            path.unlink()
        return stored


def hand_over(aanvraag: Aanvraag, open_store: Callable[[], CaseStore], outbox: Outbox) -> str | None:
    """Stores the case and returns its reference; on any failure, keeps it in the outbox
    and returns None (the caller tells the user honestly).

    The store is opened here, inside the error handling: opening it runs the migration,
    which is the first thing to fail when the database is down after a start."""
    try:
        return open_store().create(aanvraag)
    except Exception as error:  # whatever went wrong, the case must not be lost
        logger.warning("Case store failed (%s); case kept in the outbox", type(error).__name__)
        outbox.put(aanvraag)
        return None
