"""Tables of the case store (SQLAlchemy 1.4). Changes go through an Alembic migration."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

STATUSSEN = ("nieuw", "in_behandeling", "afgerond")
SOORTEN = ("route", "werktoedeling", "overig")
LATE = dt.timedelta(minutes=10)  # a notification not sent by then is shown as late


def nu() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Zaak(Base):
    """A question handed to the deskundigenteam, with what the user consented to share."""

    __tablename__ = "zaken"
    id = Column(Integer, primary_key=True)
    referentie = Column(String(20), unique=True)
    aanvraag_id = Column(String(36), unique=True, nullable=False)  # makes creation idempotent
    aangemaakt = Column(DateTime, nullable=False, default=nu)
    soort = Column(String(20), nullable=False)
    status = Column(String(20), nullable=False, default="nieuw")
    behandelaar = Column(String(80))
    naam = Column(String(200))
    email = Column(String(254))
    telefoon = Column(String(40))
    organisatie = Column(String(200))
    contactvoorkeur = Column(String(20))
    vraag = Column(Text, nullable=False)
    antwoorden = Column(JSON, nullable=False, default=dict)
    advies = Column(JSON)
    gesprek = Column(JSON, nullable=False, default=list)
    gesprek_id = Column(String(255), index=True)  # Rasa's sender id: up to 255 characters
    contact_gewist = Column(Boolean, nullable=False, default=False)
    # Deleting a case deletes its notes and notifications with it (the ORM would
    # otherwise set their zaak_id to NULL, which the schema forbids).
    notities = relationship("Notitie", back_populates="zaak", order_by="Notitie.aangemaakt",
                            cascade="all, delete-orphan")
    meldingen = relationship("Melding", back_populates="zaak", order_by="Melding.id",
                             cascade="all, delete-orphan")


class Notitie(Base):
    __tablename__ = "notities"
    id = Column(Integer, primary_key=True)
    zaak_id = Column(Integer, ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False)
    auteur = Column(String(80), nullable=False)
    tekst = Column(Text, nullable=False)
    aangemaakt = Column(DateTime, nullable=False, default=nu)
    zaak = relationship("Zaak", back_populates="notities")


class Melding(Base):
    """One notification to the team about a new case, per channel, with its retries.

    One row per case and channel (the idempotency key, see bot.zaken.meldingen)."""

    __tablename__ = "meldingen"
    __table_args__ = (UniqueConstraint("zaak_id", "kanaal", name="uq_meldingen_zaak_kanaal"),)
    id = Column(Integer, primary_key=True)
    zaak_id = Column(Integer, ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False)
    kanaal = Column(String(20), nullable=False)   # email or webhook
    status = Column(String(20), nullable=False, default="wachtend")  # wachtend, verzonden, mislukt
    pogingen = Column(Integer, nullable=False, default=0)
    laatste_fout = Column(Text)
    volgende_poging = Column(DateTime, nullable=False, default=nu)
    verzonden = Column(DateTime)
    aangemaakt = Column(DateTime, default=nu)  # the give-up time counts from here
    zaak = relationship("Zaak", back_populates="meldingen")

    @property
    def vertraagd(self) -> bool:
        """Not sent yet, after a failed attempt or LATE after it was made: the team may
        not know about the case (shown in the inbox)."""
        made = self.aangemaakt or self.volgende_poging
        return self.status == "wachtend" and (bool(self.laatste_fout) or nu() - made > LATE)


class Gebruiker(Base):
    __tablename__ = "gebruikers"
    id = Column(Integer, primary_key=True)
    naam = Column(String(80), unique=True, nullable=False)
    wachtwoord_hash = Column(String(300), nullable=False)
    aangemaakt = Column(DateTime, nullable=False, default=nu)


class Audit(Base):
    """Who did what, when. Never holds contact details."""

    __tablename__ = "audit"
    id = Column(Integer, primary_key=True)
    tijd = Column(DateTime, nullable=False, default=nu)
    gebruiker = Column(String(80), nullable=False)
    actie = Column(String(40), nullable=False)
    zaak_id = Column(Integer, ForeignKey("zaken.id", ondelete="SET NULL"))
    details = Column(Text)


class DodeBrief(Base):
    """An outbox entry the case store refused (or could not read): set aside, with the
    reason, so the rest of the outbox flows and the team sees it in the inbox.

    Text columns only, so whatever made the case fail cannot make this fail too."""

    __tablename__ = "dode_brieven"
    id = Column(Integer, primary_key=True)
    tijd = Column(DateTime, nullable=False, default=nu)
    aanvraag_id = Column(Text, nullable=False)  # the outbox file's name
    gesprek_id = Column(Text)
    reden = Column(Text, nullable=False)
    inhoud = Column(Text, nullable=False)  # the entry as it was, contact details included
