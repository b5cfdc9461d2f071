"""Background worker: hands outbox cases to the store and sends notifications.

    python -m bot.zaken.werker            # runs until stopped
    python -m bot.zaken.werker --once     # one round (for cron or tests)
    python -m bot.zaken.werker --gezond   # health check: exit 1 and say why when not healthy
"""
from __future__ import annotations

import logging
import sys
import tempfile
import time

from sqlalchemy import func, inspect, select, text

from bot.zaken.meldingen import send_due
from bot.zaken.model import DodeBrief
from bot.zaken.opslag import CaseStore
from bot.zaken.outbox import Outbox

logger = logging.getLogger("werker")
INTERVAL_SECONDS = 5
BACKLOG_MINUTES = 15  # a case this long in the outbox means the worker cannot hand it over


def one_round(store: CaseStore, outbox: Outbox) -> None:
    """One round of work. Never raises: a failing part is logged and the worker goes on
    (the notifications must not stop because of the outbox, nor the other way round)."""
    try:
        stored = outbox.flush(store)
        if stored:
            logger.info("Outbox: %d zaak/zaken opgeslagen", len(stored))
    except Exception as error:
        logger.error("Outbox: ronde mislukt (%s)", type(error).__name__)
    try:
        sent, failed = send_due(store)
    except Exception as error:
        logger.warning("Meldingen: ronde mislukt (%s)", type(error).__name__)
        return
    if sent or failed:
        logger.info("Meldingen: %d verzonden, %d mislukt (wordt opnieuw geprobeerd)", sent, failed)


def problems(store: CaseStore, outbox: Outbox, now: float | None = None) -> list[str]:
    """Why the worker cannot do its work, or work waits for a person; empty when healthy:
    the store answers, the outbox is writable, no case waits longer than BACKLOG_MINUTES,
    and there is no dead letter."""
    found = []
    try:
        with store.engine.connect() as connection:
            connection.execute(text("select 1"))
            if inspect(connection).has_table("dode_brieven"):
                dead = connection.execute(select(func.count()).select_from(DodeBrief)).scalar()
                if dead:
                    found.append(f"{dead} dode brief/brieven: zaken die de database weigerde (zie de inbox)")
    except Exception as error:
        found.append(f"database: {type(error).__name__}")
    try:
        tempfile.TemporaryFile(dir=outbox.directory).close()
    except OSError as error:
        found.append(f"outbox niet schrijfbaar: {type(error).__name__}")
    limit = (now or time.time()) - BACKLOG_MINUTES * 60
    old = [path for path in outbox.pending() if path.stat().st_mtime < limit]
    if old:
        found.append(f"{len(old)} zaak/zaken wachten langer dan {BACKLOG_MINUTES} minuten in de outbox")
    if outbox.dead_directory().is_dir() and any(outbox.dead_directory().iterdir()):
        found.append(f"dode brief/brieven in {outbox.dead_directory()}")
    return found


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    store, outbox = CaseStore(), Outbox()
    if "--gezond" in sys.argv:
        found = problems(store, outbox)
        for problem in found:
            print(f"werker: {problem}", file=sys.stderr)
        return 1 if found else 0
    store.migrate()
    while True:
        one_round(store, outbox)
        if "--once" in sys.argv:
            return 0
        time.sleep(INTERVAL_SECONDS)


if __name__ == "__main__":
    sys.exit(main())
