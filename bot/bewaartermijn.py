"""Retention: deletes conversations and closed cases older than their retention period.

    python -m bot.bewaartermijn            # run once (a daily job in deploy/)
    python -m bot.bewaartermijn --droog    # only count what would be deleted

Conversations (Rasa's `events` table at TRACKER_STORE_URL) go when their last event is
older than BEWAAR_GESPREKKEN_DAGEN (default 30). Closed cases go when they were created
longer than BEWAAR_ZAKEN_DAGEN ago (default 365); open cases are never purged. A case
goes with its notes and notifications, and the audit lines about it lose their link to
it; in the same transaction the audit log gets one line per purged case, with its
reference only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass

from sqlalchemy import bindparam, create_engine, select, text, update

from bot.zaken.model import Audit, Zaak
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


@dataclass
class Opgeschoond:
    """What a purge of cases did (or, dry, would do)."""

    referenties: list[str]
    notities: int = 0
    meldingen: int = 0
    auditregels: int = 0  # audit lines that no longer point to a case

    def zin(self) -> str:
        return (f"{len(self.referenties)} zaken, met {self.notities} notities en {self.meldingen} meldingen; "
                f"{self.auditregels} auditregels wijzen niet meer naar een zaak")


def purge_cases(store: CaseStore, days: int, now: dt.datetime | None = None, dry: bool = False) -> Opgeschoond:
    """Deletes closed cases created more than `days` ago, in one transaction: all of
    them with what belongs to them, or (on any error) none."""
    limit = (now or dt.datetime.utcnow()) - dt.timedelta(days=days)
    with store.session() as session:
        zaken = list(session.scalars(select(Zaak).where(Zaak.status == "afgerond", Zaak.aangemaakt < limit)))
        ids = [z.id for z in zaken]
        report = Opgeschoond([z.referentie for z in zaken], sum(len(z.notities) for z in zaken),
                             sum(len(z.meldingen) for z in zaken))
        report.auditregels = session.query(Audit).filter(Audit.zaak_id.in_(ids)).count() if ids else 0
        if dry or not ids:
            return report
        # SQLite does not enforce the foreign key's ON DELETE SET NULL: do it here.
        session.execute(update(Audit).where(Audit.zaak_id.in_(ids)).values(zaak_id=None))
        for zaak in zaken:
            session.delete(zaak)  # its notes and notifications go with it (model cascade)
            session.add(Audit(gebruiker="bewaartermijn", actie="zaak_verwijderd", details=zaak.referentie))
        session.commit()
    return report


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
    report = purge_cases(store, termijnen.zaken_dagen, dry=args.droog)
    print(f"Afgeronde zaken ouder dan {termijnen.zaken_dagen} dagen: {report.zin()}"
          + (" (droog)" if args.droog else " verwijderd"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
