"""Tells the deskundigenteam about a new case, by e-mail (SMTP) and/or a webhook.

Every external effect sits behind one small interface (`Kanaal`), so tests and the
demo can use local servers. Notifications never block the user: the case is stored
first, the worker (bot.zaken.werker) sends them later and retries failures with
backoff until MELDING_OPGEVEN_NA_UREN (default 72) hours have passed; the inbox shows
late and failed ones on the case.

Exactly once, from the team's point of view: a notification is claimed (committed)
before it is sent, so no second worker sends it meanwhile. If the worker dies after
sending and before recording that, it is sent again after the claim expires, with the
same idempotency key (the e-mail's Message-ID, the webhook's Idempotency-Key header),
one per case and channel, so the receiving side sees it once.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import urllib.request
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy import update

from bot.zaken.model import Melding, nu
from bot.zaken.opslag import CaseStore

INBOX_URL = os.environ.get("INBOX_URL", "http://127.0.0.1:8081")
CLAIM = dt.timedelta(minutes=5)  # longer than one send may take (timeouts of 10 s)


def give_up_after() -> dt.timedelta:
    """Read at each round, so a changed setting counts from the next round."""
    return dt.timedelta(hours=float(os.environ.get("MELDING_OPGEVEN_NA_UREN", 72)))


def idempotency_key(aanvraag_id: str, kanaal: str) -> str:
    return f"wegwijzer-{aanvraag_id}-{kanaal}"


class Kanaal(Protocol):
    def send(self, referentie: str, soort: str, sleutel: str) -> None: ...


def message_text(referentie: str, soort: str) -> str:
    """No contact details or question text: the inbox (behind a login) holds those."""
    return (f"Er is een nieuwe vraag voor het deskundigenteam ({soort}), referentie {referentie}.\n"
            f"Bekijk hem in de inbox: {INBOX_URL}/zaken/{referentie}")


class Email:
    def __init__(self) -> None:
        self.host = os.environ["MELDING_SMTP_HOST"]
        self.port = int(os.environ.get("MELDING_SMTP_PORT", 25))
        self.to = os.environ["MELDING_EMAIL_AAN"]
        self.sender = os.environ.get("MELDING_EMAIL_VAN", "wegwijzer@localhost")
        self.user = os.environ.get("MELDING_SMTP_GEBRUIKER")
        self.password = os.environ.get("MELDING_SMTP_WACHTWOORD")
        self.starttls = os.environ.get("MELDING_SMTP_STARTTLS", "0") == "1"

    def send(self, referentie: str, soort: str, sleutel: str) -> None:
        message = EmailMessage()
        message["Subject"] = f"Nieuwe vraag voor het deskundigenteam: {referentie}"
        message["From"], message["To"] = self.sender, self.to
        message["Message-ID"] = f"<{sleutel}@{self.sender.rpartition('@')[2] or 'wegwijzer'}>"
        message.set_content(message_text(referentie, soort))
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


class Webhook:
    def __init__(self) -> None:
        self.url = os.environ["MELDING_WEBHOOK_URL"]

    def send(self, referentie: str, soort: str, sleutel: str) -> None:
        body = json.dumps({"referentie": referentie, "soort": soort,
                           "tekst": message_text(referentie, soort)}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Idempotency-Key": sleutel})
        with urllib.request.urlopen(request, timeout=10) as response:
            if response.status >= 300:
                raise RuntimeError(f"webhook answered {response.status}")


def channels() -> dict[str, Kanaal]:
    made: dict[str, Kanaal] = {}
    if os.environ.get("MELDING_SMTP_HOST") and os.environ.get("MELDING_EMAIL_AAN"):
        made["email"] = Email()
    if os.environ.get("MELDING_WEBHOOK_URL"):
        made["webhook"] = Webhook()
    return made


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def send_due(store: CaseStore, kanalen: dict[str, Kanaal] | None = None) -> tuple[int, int]:
    """Sends the notifications that are due; returns (sent, failed)."""
    kanalen = channels() if kanalen is None else kanalen
    sent = failed = 0
    for melding_id, kanaal, referentie, soort, aanvraag_id in store.due_notifications(nu()):
        if not _claim(store, melding_id):
            continue  # another worker has it
        try:
            if kanaal not in kanalen:
                raise RuntimeError(f"kanaal {kanaal} is niet ingesteld")
            kanalen[kanaal].send(referentie, soort, idempotency_key(aanvraag_id, kanaal))
            error = None
        except Exception as problem:  # any failure is recorded and retried, never raised
            error = problem
        with store.session() as session:
            melding = session.get(Melding, melding_id)
            if error is None:
                melding.status, melding.verzonden, melding.laatste_fout = "verzonden", nu(), None
                sent += 1
            else:
                melding.laatste_fout = f"{type(error).__name__}: {error}"[:500]
                melding.volgende_poging = nu() + backoff(melding.pogingen)
                if nu() - (melding.aangemaakt or melding.zaak.aangemaakt) >= give_up_after():
                    melding.status = "mislukt"
                failed += 1
            session.commit()
    return sent, failed


def _claim(store: CaseStore, melding_id: int) -> bool:
    """Counts the attempt and holds the notification for CLAIM, committed before the
    send: a crash after sending then leads to one retry with the same key, not to an
    immediate second send by this or another worker."""
    now = nu()
    with store.session() as session:
        claimed = session.execute(
            update(Melding)
            .where(Melding.id == melding_id, Melding.status == "wachtend", Melding.volgende_poging <= now)
            .values(pogingen=Melding.pogingen + 1, volgende_poging=now + CLAIM)
        ).rowcount
        session.commit()
    return claimed == 1
