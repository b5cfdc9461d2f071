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

from bot.zaken.opslag import UNREACHABLE, Aanvraag, CaseStore

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

        Stops when the database cannot be reached and leaves the rest for the next try.
        An entry the store refuses, or a file that cannot be read, is set aside as a dead
        letter with its reason (the team sees it in the inbox): one bad entry must not
        keep the good ones behind it waiting forever."""
        stored = []
        for path in self.pending():
            inhoud = None
            try:
                inhoud = path.read_text(encoding="utf-8")
                stored.append(store.create(Aanvraag(**json.loads(inhoud))))
            except UNREACHABLE as error:
                logger.warning("Outbox: database not reachable (%s); %d waiting",
                               type(error).__name__, len(self.pending()))
                break
            except Exception as error:  # this entry only: set it aside, go on with the rest
                if not self._set_aside(path, inhoud, error, store):
                    break
                continue
            path.unlink()
        return stored

    def _set_aside(self, path: Path, inhoud: str | None, error: Exception, store: CaseStore) -> bool:
        """Records the entry as a dead letter and removes its file; False when the
        database went away meanwhile (the entry stays for the next round). When even
        recording fails, the file moves to `dood/` (the worker's health check sees it)."""
        reden = reason(error)
        logger.error("Outbox: entry %s set aside as a dead letter (%s)", path.stem, type(error).__name__)
        try:
            store.set_aside(path.stem, inhoud if inhoud is not None else "", reden, _gesprek_id(inhoud))
        except UNREACHABLE:
            return False
        except Exception as second:
            logger.error("Outbox: could not record dead letter %s (%s); moved to dood/",
                         path.stem, type(second).__name__)
            self.dead_directory().mkdir(exist_ok=True)
            os.replace(path, self.dead_directory() / path.name)
            return True
        path.unlink()
        return True

    def erase_contact(self, gesprek_id: str) -> int:
        """"Verwijder mijn gegevens": the contact details of this conversation's waiting
        cases are wiped (the case still goes to the team, marked as erased). Returns how
        many. A file that cannot be read is left to the flush, which sets it aside."""
        wiped = 0
        for path in self.pending():
            try:
                aanvraag = Aanvraag(**json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                continue
            if aanvraag.gesprek_id == gesprek_id and not aanvraag.contact_gewist:
                aanvraag.naam = aanvraag.email = aanvraag.telefoon = aanvraag.organisatie = None
                aanvraag.contact_gewist = True
                if self.put(aanvraag) != path:  # a file not named by put()
                    path.unlink()
                wiped += 1
        return wiped

    def dead_directory(self) -> Path:
        return self.directory / "dood"


def reason(error: Exception) -> str:
    """The error in one line, without the SQL parameters (they hold personal data)."""
    detail = getattr(error, "orig", None) or error
    first = (str(detail).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first}"[:300]


def _gesprek_id(inhoud: str | None) -> str | None:
    try:
        value = json.loads(inhoud or "").get("gesprek_id")
        return value if isinstance(value, str) else None
    except (ValueError, AttributeError):
        return None


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
