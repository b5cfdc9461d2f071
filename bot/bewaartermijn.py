"""Retention: deletes conversations and closed cases older than their retention period.

    python -m bot.bewaartermijn            # run once (a daily job in deploy/)
    python -m bot.bewaartermijn --droog    # only count what would be deleted

Conversations (Rasa's `events` table at TRACKER_STORE_URL) go when their last event is
older than BEWAAR_GESPREKKEN_DAGEN (default 30). Closed cases go when they were created
longer than BEWAAR_ZAKEN_DAGEN ago (default 365); open cases are never purged. The audit
log keeps one line per purged case, with its reference only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass

from sqlalchemy import bindparam, create_engine, text

from bot.zaken.behandeling import audit
from bot.zaken.model import Zaak
from bot.zaken.opslag import CaseStore

@dataclass
class Termijnen:
    gesprekken_dagen: int
    zaken_dagen: int

    @classmethod
    def uit_omgeving(cls) -> "Termijnen":
        """Read when the command runs, not when the module is imported."""
        return cls(int(os.environ.get("BEWAAR_GESPREKKEN_DAGEN", 30)),
                   int(os.environ.get("BEWAAR_ZAKEN_DAGEN", 365)))


def purge_conversations(tracker_url: str, days: int, now: float | None = None, dry: bool = False) -> int:
    """Deletes every event of each conversation whose newest event is older than `days`."""
    limit = (now or time.time()) - days * 86400
    engine = create_engine(tracker_url, future=True)
    with engine.begin() as connection:
        old = [row[0] for row in connection.execute(text(
            "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :limit"),
            {"limit": limit})]
        if old and not dry:
            for start in range(0, len(old), 500):
                connection.execute(
                    text("DELETE FROM events WHERE sender_id IN :ids").bindparams(
                        bindparam("ids", expanding=True)),
                    {"ids": old[start:start + 500]})
    engine.dispose()
    return len(old)


def purge_cases(store: CaseStore, days: int, now: dt.datetime | None = None, dry: bool = False) -> list[str]:
    limit = (now or dt.datetime.utcnow()) - dt.timedelta(days=days)
    with store.session() as session:
        zaken = list(session.query(Zaak).filter(Zaak.status == "afgerond", Zaak.aangemaakt < limit))
        references = [z.referentie for z in zaken]
        if not dry:
            for zaak in zaken:
                session.delete(zaak)
            session.commit()
    if not dry:
        for referentie in references:
            audit(store, "bewaartermijn", "zaak_verwijderd", None, referentie)
    return references


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--droog", action="store_true", help="alleen tellen, niets verwijderen")
    args = parser.parse_args()
    termijnen = Termijnen.uit_omgeving()
    tracker_url = os.environ.get("TRACKER_STORE_URL")
    if tracker_url:
        n = purge_conversations(tracker_url, termijnen.gesprekken_dagen, dry=args.droog)
        print(f"Gesprekken ouder dan {termijnen.gesprekken_dagen} dagen: {n}"
              + (" (droog)" if args.droog else " verwijderd"))
    else:
        print("TRACKER_STORE_URL niet gezet: gesprekken overgeslagen.", file=sys.stderr)
    store = CaseStore()
    store.migrate()
    zaken = purge_cases(store, termijnen.zaken_dagen, dry=args.droog)
    print(f"Afgeronde zaken ouder dan {termijnen.zaken_dagen} dagen: {len(zaken)}"
          + (" (droog)" if args.droog else " verwijderd"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
