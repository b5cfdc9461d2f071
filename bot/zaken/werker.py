"""Background worker: hands outbox cases to the store and sends notifications.

    python -m bot.zaken.werker          # runs until stopped
    python -m bot.zaken.werker --once   # one round (for cron or tests)
"""
from __future__ import annotations

import logging
import sys
import time

from sqlalchemy.exc import SQLAlchemyError

from bot.zaken.meldingen import send_due
from bot.zaken.opslag import CaseStore
from bot.zaken.outbox import Outbox

logger = logging.getLogger("werker")
INTERVAL_SECONDS = 5


def one_round(store: CaseStore, outbox: Outbox) -> None:
    stored = outbox.flush(store)
    if stored:
        logger.info("Outbox: %d zaak/zaken opgeslagen", len(stored))
    try:
        sent, failed = send_due(store)
    except SQLAlchemyError as error:
        logger.warning("Meldingen: database niet bereikbaar (%s)", type(error).__name__)
        return
    if sent or failed:
        logger.info("Meldingen: %d verzonden, %d mislukt (wordt opnieuw geprobeerd)", sent, failed)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    store, outbox = CaseStore(), Outbox()
    store.migrate()
    while True:
        one_round(store, outbox)
        if "--once" in sys.argv:
            return 0
        time.sleep(INTERVAL_SECONDS)


if __name__ == "__main__":
    sys.exit(main())
