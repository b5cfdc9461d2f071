"""Tells the deskundigenteam about a new case, by e-mail (SMTP) and/or a webhook.

Every external effect sits behind one small interface (`Kanaal`), so tests and the
demo can use local servers. Notifications never block the user: the case is stored
first, the worker (bot.zaken.werker) sends them later and retries failures with
backoff; the inbox shows failures.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import urllib.request
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy import select

from bot.zaken.model import Melding, Zaak, nu
from bot.zaken.opslag import CaseStore

MAX_ATTEMPTS = 10
INBOX_URL = os.environ.get("INBOX_URL", "http://127.0.0.1:8081")


class Kanaal(Protocol):
    def send(self, referentie: str, soort: str) -> None: ...


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

    def send(self, referentie: str, soort: str) -> None:
        message = EmailMessage()
        message["Subject"] = f"Nieuwe vraag voor het deskundigenteam: {referentie}"
        message["From"], message["To"] = self.sender, self.to
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

    def send(self, referentie: str, soort: str) -> None:
        body = json.dumps({"referentie": referentie, "soort": soort,
                           "tekst": message_text(referentie, soort)}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
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
    for melding_id, kanaal, referentie in store.due_notifications(nu()):
        with store.session() as session:
            melding = session.get(Melding, melding_id)
            soort = session.scalar(select(Zaak.soort).where(Zaak.id == melding.zaak_id))
            melding.pogingen += 1
            try:
                if kanaal not in kanalen:
                    raise RuntimeError(f"kanaal {kanaal} is niet ingesteld")
                kanalen[kanaal].send(referentie, soort)
                melding.status, melding.verzonden, melding.laatste_fout = "verzonden", nu(), None
                sent += 1
            except Exception as error:  # any failure is recorded and retried, never raised
                melding.laatste_fout = f"{type(error).__name__}: {error}"[:500]
                melding.volgende_poging = nu() + backoff(melding.pogingen)
                if melding.pogingen >= MAX_ATTEMPTS:
                    melding.status = "mislukt"
                failed += 1
            session.commit()
    return sent, failed
