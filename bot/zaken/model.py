"""Tables of the case store (SQLAlchemy 1.4). Changes go through an Alembic migration."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

STATUSSEN = ("nieuw", "in_behandeling", "afgerond")
SOORTEN = ("route", "werktoedeling", "overig")


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
    gesprek_id = Column(String(100))
    contact_gewist = Column(Boolean, nullable=False, default=False)
    notities = relationship("Notitie", back_populates="zaak", order_by="Notitie.aangemaakt")
    meldingen = relationship("Melding", back_populates="zaak", order_by="Melding.id")


class Notitie(Base):
    __tablename__ = "notities"
    id = Column(Integer, primary_key=True)
    zaak_id = Column(Integer, ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False)
    auteur = Column(String(80), nullable=False)
    tekst = Column(Text, nullable=False)
    aangemaakt = Column(DateTime, nullable=False, default=nu)
    zaak = relationship("Zaak", back_populates="notities")


class Melding(Base):
    """One notification to the team about a new case, per channel, with its retries."""

    __tablename__ = "meldingen"
    id = Column(Integer, primary_key=True)
    zaak_id = Column(Integer, ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False)
    kanaal = Column(String(20), nullable=False)   # email or webhook
    status = Column(String(20), nullable=False, default="wachtend")  # wachtend, verzonden, mislukt
    pogingen = Column(Integer, nullable=False, default=0)
    laatste_fout = Column(Text)
    volgende_poging = Column(DateTime, nullable=False, default=nu)
    verzonden = Column(DateTime)
    zaak = relationship("Zaak", back_populates="meldingen")


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
