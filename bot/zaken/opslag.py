"""The case store: SQLite by default, PostgreSQL by URL (DATABASE_URL).

A case is committed before the user sees its reference. Creation is idempotent on
`aanvraag_id`, so a retry from the outbox can never store a case twice.
"""
from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from bot.zaken.model import DodeBrief, Melding, Zaak

MIGRATIONS = Path(__file__).parent / "migraties"
DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parents[2] / 'var' / 'cases.db'}"
# Errors that say "the database cannot be reached now", not "this case is wrong": the
# outbox waits for the first and sets an entry aside for the others.
UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


def notification_channels() -> list[str]:
    """Channels configured for new-case notifications (see bot.zaken.meldingen)."""
    channels = []
    if os.environ.get("MELDING_SMTP_HOST") and os.environ.get("MELDING_EMAIL_AAN"):
        channels.append("email")
    if os.environ.get("MELDING_WEBHOOK_URL"):
        channels.append("webhook")
    return channels


@dataclass
class Aanvraag:
    """What the conversation hands to the team: only what the user agreed to share."""

    soort: str
    vraag: str
    antwoorden: dict[str, Any] = field(default_factory=dict)
    advies: dict[str, Any] | None = None
    gesprek: list[dict[str, str]] = field(default_factory=list)
    gesprek_id: str | None = None
    naam: str | None = None
    email: str | None = None
    telefoon: str | None = None
    organisatie: str | None = None
    contactvoorkeur: str | None = None
    contact_gewist: bool = False  # erased on request while the case waited in the outbox
    aanvraag_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    aangemaakt: str = field(default_factory=lambda: dt.datetime.utcnow().isoformat(timespec="seconds"))


def reference(zaak: Zaak) -> str:
    return f"AKB-{zaak.aangemaakt.year}-{zaak.id:05d}"


class CaseStore:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)

    def migrate(self) -> None:
        """Brings the schema to the newest Alembic revision."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def session(self) -> Session:
        return self._sessions()

    def create(self, aanvraag: Aanvraag) -> str:
        """Stores the case (once) with its pending notifications; returns its reference."""
        with self.session() as session:
            existing = session.scalar(select(Zaak).where(Zaak.aanvraag_id == aanvraag.aanvraag_id))
            if existing:
                return existing.referentie
            values = {k: v for k, v in vars(aanvraag).items() if k != "aangemaakt"}
            zaak = Zaak(**values, aangemaakt=dt.datetime.fromisoformat(aanvraag.aangemaakt))
            try:
                session.add(zaak)
                session.flush()
                zaak.referentie = reference(zaak)
                for channel in notification_channels():
                    session.add(Melding(zaak_id=zaak.id, kanaal=channel))
                session.commit()
            except IntegrityError:
                # Another instance stored the same request meanwhile (its insert is seen
                # at our flush): that one's reference. Any other conflict is raised.
                session.rollback()
                existing = session.scalar(select(Zaak.referentie).where(Zaak.aanvraag_id == aanvraag.aanvraag_id))
                if existing is None:
                    raise
                return existing
            return zaak.referentie

    def case(self, referentie: str) -> Zaak | None:
        with self.session() as session:
            return session.scalar(select(Zaak).where(Zaak.referentie == referentie))

    def set_aside(self, aanvraag_id: str, inhoud: str, reden: str, gesprek_id: str | None) -> None:
        """Records an outbox entry the store refused as a dead letter (bot.zaken.outbox)."""
        with self.session() as session:
            session.add(DodeBrief(aanvraag_id=aanvraag_id, inhoud=inhoud, reden=reden, gesprek_id=gesprek_id))
            session.commit()

    def dead_letters(self) -> list[DodeBrief]:
        with self.session() as session:
            return list(session.scalars(select(DodeBrief).order_by(DodeBrief.id)))

    def due_notifications(self, now: dt.datetime) -> Iterator[tuple[int, str, str, str, str]]:
        """(notification id, channel, case reference, kind, request id) for notifications
        to send now."""
        with self.session() as session:
            rows = session.execute(
                select(Melding.id, Melding.kanaal, Zaak.referentie, Zaak.soort, Zaak.aanvraag_id)
                .join(Zaak)
                .where(Melding.status == "wachtend", Melding.volgende_poging <= now)
                .order_by(Melding.id)
            ).all()
        return iter(rows)
