"""What the deskundigenteam does with cases: list, claim, change status, notes,
export; team accounts; and the audit log that records every one of these actions.

A change and its audit line are written in one transaction (`_log` adds the line to
the change's session): a change is never stored without its line, nor a line without
its change."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.zaken.model import SOORTEN, STATUSSEN, Audit, DodeBrief, Gebruiker, Notitie, Zaak
from bot.zaken.opslag import CaseStore
from bot.zaken.outbox import Outbox

# Allowed status steps: nieuw -> in_behandeling -> afgerond (and back, with a trace).
OVERGANGEN = {"nieuw": {"in_behandeling"}, "in_behandeling": {"afgerond", "nieuw"}, "afgerond": {"in_behandeling"}}
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


@dataclass
class Filter:
    status: str | None = None
    soort: str | None = None
    van: dt.date | None = None
    tot: dt.date | None = None


def audit(store: CaseStore, gebruiker: str, actie: str, zaak_id: int | None = None, details: str = "") -> None:
    """An audit line for something that changes nothing (logging in, viewing, exporting)."""
    with store.session() as session:
        _log(session, gebruiker, actie, zaak_id, details)
        session.commit()


def _log(session: Session, gebruiker: str, actie: str, zaak_id: int | None = None, details: str = "") -> None:
    session.add(Audit(gebruiker=gebruiker, actie=actie, zaak_id=zaak_id, details=details[:500]))


def cases(store: CaseStore, filters: Filter) -> list[Zaak]:
    query = select(Zaak).order_by(Zaak.aangemaakt.desc())
    if filters.status in STATUSSEN:
        query = query.where(Zaak.status == filters.status)
    if filters.soort in SOORTEN:
        query = query.where(Zaak.soort == filters.soort)
    if filters.van:
        query = query.where(Zaak.aangemaakt >= dt.datetime.combine(filters.van, dt.time()))
    if filters.tot:
        query = query.where(Zaak.aangemaakt < dt.datetime.combine(filters.tot + dt.timedelta(days=1), dt.time()))
    with store.session() as session:
        return list(session.scalars(query.options(selectinload(Zaak.meldingen))))


def case(store: CaseStore, referentie: str) -> Zaak | None:
    with store.session() as session:
        return session.scalar(
            select(Zaak).where(Zaak.referentie == referentie)
            .options(selectinload(Zaak.notities), selectinload(Zaak.meldingen))
        )


def claim(store: CaseStore, referentie: str, gebruiker: str, voor: str | None = None) -> None:
    """Assigns the case to `voor` (default: the user) and starts handling it."""
    with store.session() as session:
        zaak = session.scalar(select(Zaak).where(Zaak.referentie == referentie))
        zaak.behandelaar = voor or gebruiker
        if zaak.status == "nieuw":
            zaak.status = "in_behandeling"
        _log(session, gebruiker, "toewijzen", zaak.id, f"aan {voor or gebruiker}")
        session.commit()


def set_status(store: CaseStore, referentie: str, status: str, gebruiker: str) -> bool:
    with store.session() as session:
        zaak = session.scalar(select(Zaak).where(Zaak.referentie == referentie))
        if status not in OVERGANGEN.get(zaak.status, set()):
            return False
        old, zaak.status = zaak.status, status
        _log(session, gebruiker, "status", zaak.id, f"{old} -> {status}")
        session.commit()
    return True


def add_note(store: CaseStore, referentie: str, tekst: str, gebruiker: str) -> None:
    with store.session() as session:
        zaak = session.scalar(select(Zaak).where(Zaak.referentie == referentie))
        session.add(Notitie(zaak_id=zaak.id, auteur=gebruiker, tekst=tekst[:5000]))
        _log(session, gebruiker, "notitie", zaak.id)
        session.commit()


def export_csv(store: CaseStore, filters: Filter, gebruiker: str) -> str:
    rows = cases(store, filters)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["referentie", "aangemaakt", "soort", "status", "behandelaar", "naam", "email",
                     "telefoon", "organisatie", "contactvoorkeur", "vraag"])
    for z in rows:
        writer.writerow([z.referentie, z.aangemaakt.isoformat(timespec="minutes"), z.soort, z.status,
                         z.behandelaar or "", z.naam or "", z.email or "", z.telefoon or "",
                         z.organisatie or "", z.contactvoorkeur or "", z.vraag])
    audit(store, gebruiker, "export", details=f"{len(rows)} zaken")
    return buffer.getvalue()


def audit_log(store: CaseStore, limit: int = 500) -> list[Audit]:
    with store.session() as session:
        return list(session.scalars(select(Audit).order_by(Audit.tijd.desc()).limit(limit)))


# --- team accounts -----------------------------------------------------------------

def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    candidate = hash_password(password, bytes.fromhex(salt)).split("$")[2]
    return hmac.compare_digest(candidate, digest)


def create_user(store: CaseStore, naam: str, wachtwoord: str) -> None:
    if len(wachtwoord) < 12:
        raise ValueError("Een wachtwoord heeft minstens 12 tekens.")
    with store.session() as session:
        session.add(Gebruiker(naam=naam, wachtwoord_hash=hash_password(wachtwoord)))
        _log(session, "beheer", "gebruiker_aangemaakt", details=naam)
        session.commit()


def verify_user(store: CaseStore, naam: str, wachtwoord: str) -> bool:
    with store.session() as session:
        user = session.scalar(select(Gebruiker).where(Gebruiker.naam == naam))
    if user is None:
        hash_password(wachtwoord)  # same work either way: no timing hint about names
        return False
    return check_password(wachtwoord, user.wachtwoord_hash)


def user_names(store: CaseStore) -> list[str]:
    with store.session() as session:
        return list(session.scalars(select(Gebruiker.naam).order_by(Gebruiker.naam)))


CONTACTVELDEN = ("naam", "email", "telefoon", "organisatie")


def erase_contact(store: CaseStore, gesprek_id: str, outbox: Outbox | None = None) -> list[str]:
    """"Verwijder mijn gegevens" in the chat: the contact details of every case of this
    conversation are wiped (open and closed), also of a case still waiting in the outbox
    and of a dead letter; the case itself stays, so the team sees that it happened.

    The outbox goes first: it needs no database, and a case waiting there must not be
    stored with the details later."""
    (outbox or Outbox()).erase_contact(gesprek_id)
    with store.session() as session:
        zaken = list(session.scalars(select(Zaak).where(
            Zaak.gesprek_id == gesprek_id, Zaak.contact_gewist.is_(False))))
        for zaak in zaken:
            _wipe(zaak)
            _log(session, "gebruiker (chat)", "contact_gewist", zaak.id, "op verzoek in het gesprek")
        for brief in session.scalars(select(DodeBrief).where(DodeBrief.gesprek_id == gesprek_id)):
            brief.inhoud = _wiped_letter(brief.inhoud)
        session.commit()
        return [z.referentie for z in zaken]


def erase_case(store: CaseStore, referentie: str, gebruiker: str) -> bool:
    """Erasure on request to the team: the case's personal content is removed, a stub
    (reference, dates, kind) stays for the audit log."""
    with store.session() as session:
        zaak = session.scalar(select(Zaak).where(Zaak.referentie == referentie))
        if zaak is None:
            return False
        _wipe(zaak)
        zaak.vraag, zaak.antwoorden, zaak.advies, zaak.gesprek = "[gewist op verzoek]", {}, None, []
        for notitie in zaak.notities:
            session.delete(notitie)
        _log(session, gebruiker, "zaak_gewist", zaak.id, "op verzoek")
        session.commit()
    return True


def _wipe(zaak: Zaak) -> None:
    for veld in CONTACTVELDEN:
        setattr(zaak, veld, None)
    zaak.contact_gewist = True


def _wiped_letter(inhoud: str) -> str:
    """A dead letter's entry without contact details; an unreadable one is dropped
    (it may hold them, and nobody can use it)."""
    try:
        values = json.loads(inhoud)
        values.update({veld: None for veld in CONTACTVELDEN}, contact_gewist=True)
        return json.dumps(values, ensure_ascii=False)
    except (ValueError, AttributeError):
        return "[gewist op verzoek]"


# --- dead letters: outbox entries the case store refused -------------------------------

def dead_letters(store: CaseStore) -> list[DodeBrief]:
    with store.session() as session:
        return list(session.scalars(select(DodeBrief).order_by(DodeBrief.tijd)))


def letter_fields(brief: DodeBrief) -> dict:
    """What the team needs to help the person, from the entry as it was stored."""
    try:
        values = json.loads(brief.inhoud)
        return values if isinstance(values, dict) else {}
    except ValueError:
        return {}


def resolve_dead_letter(store: CaseStore, brief_id: int, gebruiker: str) -> bool:
    """The team handled it (made a case by hand, or contacted the person): it goes."""
    with store.session() as session:
        brief = session.get(DodeBrief, brief_id)
        if brief is None:
            return False
        session.delete(brief)
        _log(session, gebruiker, "dode_brief_afgehandeld", details=brief.aanvraag_id[:100])
        session.commit()
    return True
