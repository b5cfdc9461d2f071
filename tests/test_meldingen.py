"""Notifications to the team: a real local SMTP server process and a webhook receiver."""
import datetime as dt
import json
import mailbox
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import select

from bot.zaken import meldingen
from bot.zaken.model import Melding
from bot.zaken.opslag import Aanvraag
from bot.zaken.outbox import Outbox
from bot.zaken.werker import one_round
from devtools.stack import free_port


def wait_for_port(port, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(port)


@pytest.fixture
def smtp_server(tmp_path):
    """aiosmtpd in its own process, delivering into a maildir."""
    port, maildir = free_port(), tmp_path / "maildir"
    process = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                                "-c", "aiosmtpd.handlers.Mailbox", str(maildir)])
    try:
        wait_for_port(port)
        yield port, maildir
    finally:
        process.terminate()
        process.wait()




def new_case(store):
    return store.create(Aanvraag(soort="route", vraag="Kan ik met pabo de jeugdzorg in?",
                                 naam="Sam", email="sam@voorbeeld.nl", contactvoorkeur="email"))


def due_now(store):
    with store.session() as session:
        for melding in session.scalars(select(Melding)):
            melding.volgende_poging = melding.volgende_poging.replace(year=2000)
        session.commit()


def test_email_reaches_the_team_without_personal_data(store, smtp_server, monkeypatch):
    port, maildir = smtp_server
    monkeypatch.setenv("MELDING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MELDING_SMTP_PORT", str(port))
    monkeypatch.setenv("MELDING_EMAIL_AAN", "team@allekansenbenut.test")
    reference = new_case(store)
    assert meldingen.send_due(store) == (1, 0)
    [message] = mailbox.Maildir(maildir).values()
    assert reference in message["Subject"] and message["To"] == "team@allekansenbenut.test"
    body = message.get_payload()
    assert "sam@voorbeeld.nl" not in body and "pabo" not in body
    assert meldingen.send_due(store) == (0, 0)  # sent once only


def test_a_failed_email_is_recorded_and_retried_later(store, tmp_path, monkeypatch):
    port = free_port()  # nothing listens yet
    monkeypatch.setenv("MELDING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MELDING_SMTP_PORT", str(port))
    monkeypatch.setenv("MELDING_EMAIL_AAN", "team@allekansenbenut.test")
    new_case(store)
    assert meldingen.send_due(store) == (0, 1)
    with store.session() as session:
        [melding] = session.scalars(select(Melding)).all()
    assert melding.status == "wachtend" and melding.pogingen == 1 and "ConnectionRefused" in melding.laatste_fout
    assert meldingen.send_due(store) == (0, 0)  # not due again yet (backoff)
    maildir = tmp_path / "maildir"
    process = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                                "-c", "aiosmtpd.handlers.Mailbox", str(maildir)])
    try:
        wait_for_port(port)
        due_now(store)
        assert meldingen.send_due(store) == (1, 0)
        assert len(mailbox.Maildir(maildir)) == 1
    finally:
        process.terminate()
        process.wait()


def test_webhook_gets_the_reference(store, monkeypatch):
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("MELDING_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}/hook")
    try:
        reference = new_case(store)
        assert meldingen.send_due(store) == (1, 0)
    finally:
        server.shutdown()
    assert received == [{"referentie": reference, "soort": "route", "tekst": meldingen.message_text(reference, "route")}]


def test_the_worker_flushes_the_outbox_and_notifies(store, smtp_server, tmp_path, monkeypatch):
    port, maildir = smtp_server
    monkeypatch.setenv("MELDING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MELDING_SMTP_PORT", str(port))
    monkeypatch.setenv("MELDING_EMAIL_AAN", "team@allekansenbenut.test")
    outbox = Outbox(tmp_path / "outbox")
    outbox.put(Aanvraag(soort="overig", vraag="Hallo?"))
    one_round(store, outbox)
    assert outbox.pending() == [] and len(mailbox.Maildir(maildir)) == 1


class Crash(BaseException):
    """The worker dies right after the mail went out, before it could record that."""


class SendThenCrash:
    def __init__(self, kanaal):
        self.kanaal = kanaal

    def send(self, *args):
        self.kanaal.send(*args)
        raise Crash()


def smtp_env(monkeypatch, port):
    monkeypatch.setenv("MELDING_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MELDING_SMTP_PORT", str(port))
    monkeypatch.setenv("MELDING_EMAIL_AAN", "team@allekansenbenut.test")


def test_a_mail_sent_again_after_a_crash_carries_the_same_idempotency_key(store, smtp_server, monkeypatch):
    """Issue 18, point 7: a crash between sending and recording sent a second, unrelated
    mail. It may still be sent twice, but with one Message-ID per case and channel, so
    the team's mail system shows it once."""
    port, maildir = smtp_server
    smtp_env(monkeypatch, port)
    new_case(store)
    with pytest.raises(Crash):
        meldingen.send_due(store, {"email": SendThenCrash(meldingen.Email())})
    assert meldingen.send_due(store) == (0, 0)  # claimed by the crashed round: no resend at once
    due_now(store)
    assert meldingen.send_due(store) == (1, 0)
    first, second = mailbox.Maildir(maildir).values()
    assert first["Message-ID"] and first["Message-ID"] == second["Message-ID"]
    with store.session() as session:
        [melding] = session.scalars(select(Melding)).all()
    assert (melding.status, melding.pogingen) == ("verzonden", 2)


def test_the_give_up_time_is_configurable(store, monkeypatch):
    """Issue 18, point 7: notifications were given up after 10 tries (about 3 hours)."""
    smtp_env(monkeypatch, free_port())  # nothing listens: every attempt fails
    new_case(store)
    assert meldingen.send_due(store) == (0, 1)
    with store.session() as session:
        [melding] = session.scalars(select(Melding)).all()
    assert melding.status == "wachtend"  # within the give-up time: tried again later
    monkeypatch.setenv("MELDING_OPGEVEN_NA_UREN", "0")
    due_now(store)
    assert meldingen.send_due(store) == (0, 1)
    with store.session() as session:
        [melding] = session.scalars(select(Melding)).all()
    assert melding.status == "mislukt" and melding.pogingen == 2
