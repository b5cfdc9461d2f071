"""The inbox over HTTP: login, CSRF, session expiry, filters, handling, export, audit."""
import datetime as dt
import re

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import update

from bot.zaken import behandeling, meldingen
from bot.zaken.model import Melding
from bot.zaken.opslag import Aanvraag, CaseStore
from bot.zaken.outbox import Outbox
from devtools.stack import free_port
from inbox.app import make_app
from inbox.sessies import Sessies

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def store(tmp_path):
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    store.migrate()
    behandeling.create_user(store, "anna", PASSWORD)
    behandeling.create_user(store, "bram", PASSWORD)
    yield store
    store.engine.dispose()


async def client_for(store, minutes=60):
    client = TestClient(TestServer(make_app(store, Sessies(b"k" * 32, minutes))))
    await client.start_server()
    return client


def csrf(html):
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


async def login(client, name="anna", password=PASSWORD):
    page = await client.get("/login")
    token = csrf(await page.text())
    return await client.post("/login", data={"naam": name, "wachtwoord": password, "csrf": token},
                             allow_redirects=False)


@pytest.mark.asyncio
async def test_pages_need_a_login_and_wrong_passwords_fail(store):
    client = await client_for(store)
    try:
        response = await client.get("/", allow_redirects=False)
        assert response.status == 302 and response.headers["Location"] == "/login"
        assert (await login(client, password="fout-wachtwoord!")).status == 200
        assert (await login(client)).status == 302
        assert (await client.get("/")).status == 200
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_forms_without_the_csrf_token_are_refused(store):
    reference = store.create(Aanvraag(soort="overig", vraag="Hallo"))
    client = await client_for(store)
    try:
        await login(client)
        refused = await client.post(f"/zaken/{reference}/status", data={"status": "in_behandeling"})
        assert refused.status == 403
        assert store.case(reference).status == "nieuw"
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_an_expired_session_sends_you_back_to_login(store):
    client = await client_for(store, minutes=-1)
    try:
        await login(client)
        response = await client.get("/", allow_redirects=False)
        assert response.status == 302
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_claim_status_note_export_and_audit(store):
    route = store.create(Aanvraag(soort="route", vraag="Kan ik met pabo beginnen?", email="a@b.nl"))
    store.create(Aanvraag(soort="werktoedeling", vraag="Mag een stagiair notuleren?"))
    client = await client_for(store)
    try:
        await login(client)
        listing = await (await client.get("/?soort=route")).text()
        assert route in listing and "2 zaken" not in listing and "1 zaken" in listing
        page = await (await client.get(f"/zaken/{route}")).text()
        token = csrf(page)
        await client.post(f"/zaken/{route}/toewijzen", data={"csrf": token, "aan": "bram"})
        assert store.case(route).behandelaar == "bram" and store.case(route).status == "in_behandeling"
        await client.post(f"/zaken/{route}/notitie", data={"csrf": token, "tekst": "Gebeld, terugbellen dinsdag"})
        await client.post(f"/zaken/{route}/status", data={"csrf": token, "status": "afgerond"})
        page = await (await client.get(f"/zaken/{route}")).text()
        assert "afgerond" in page and "terugbellen dinsdag" in page
        csv_text = await (await client.get("/export.csv?status=afgerond")).text()
        assert route in csv_text and "a@b.nl" in csv_text and "stagiair" not in csv_text
        audit = await (await client.get("/audit")).text()
        for action in ("inloggen", "bekijken", "toewijzen", "notitie", "status", "export"):
            assert action in audit
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_security_headers_and_escaping(store):
    reference = store.create(Aanvraag(soort="overig", vraag="<script>alert(1)</script>"))
    client = await client_for(store)
    try:
        await login(client)
        response = await client.get(f"/zaken/{reference}")
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        body = await response.text()
        assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    finally:
        await client.close()


def test_status_steps_follow_the_workflow(store):
    reference = store.create(Aanvraag(soort="overig", vraag="Hallo"))
    assert not behandeling.set_status(store, reference, "afgerond", "anna")  # not straight from nieuw
    assert behandeling.set_status(store, reference, "in_behandeling", "anna")
    assert behandeling.set_status(store, reference, "afgerond", "anna")


def test_passwords_are_hashed_and_short_ones_refused(store):
    assert behandeling.verify_user(store, "anna", PASSWORD)
    assert not behandeling.verify_user(store, "anna", "iets-anders-123")
    assert not behandeling.verify_user(store, "niemand", PASSWORD)
    with pytest.raises(ValueError):
        behandeling.create_user(store, "kort", "kort")
    from bot.zaken.model import Gebruiker
    with store.session() as session:
        stored = session.query(Gebruiker).filter_by(naam="anna").one().wachtwoord_hash
    assert stored.startswith("scrypt$") and PASSWORD not in stored


@pytest.mark.asyncio
async def test_dead_letters_are_shown_to_the_team_and_can_be_handled(store, tmp_path):
    """Issue 18, point 3: an outbox entry the database refused is visible in the inbox,
    with its reason and what the person asked, so the team can still help."""
    outbox = Outbox(tmp_path / "outbox")
    outbox.put(Aanvraag(soort="overig", vraag=None, naam="Noor", email="noor@voorbeeld.nl"))
    outbox.flush(store)
    client = await client_for(store)
    try:
        await login(client)
        listing = await (await client.get("/")).text()
        assert "niet als zaak opgeslagen" in listing
        page = await (await client.get("/dode-brieven")).text()
        assert "noor@voorbeeld.nl" in page and "IntegrityError" in page
        [letter] = store.dead_letters()
        await client.post(f"/dode-brieven/{letter.id}/afgehandeld", data={"csrf": csrf(page)})
        assert store.dead_letters() == []
        assert "niet als zaak opgeslagen" not in await (await client.get("/")).text()
        assert "dode_brief_afgehandeld" in await (await client.get("/audit")).text()
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_a_late_or_failed_notification_is_shown_on_the_case(store, monkeypatch):
    """Issue 18, point 7: the team must see that nobody was told about a case."""
    monkeypatch.setenv("MELDING_WEBHOOK_URL", f"http://127.0.0.1:{free_port()}/hook")  # nobody listens
    reference = store.create(Aanvraag(soort="overig", vraag="Hallo"))
    assert meldingen.send_due(store) == (0, 1)
    client = await client_for(store)
    try:
        await login(client)
        assert "vertraagd" in await (await client.get(f"/zaken/{reference}")).text()
        assert "vertraagd" in await (await client.get("/")).text()
        monkeypatch.setenv("MELDING_OPGEVEN_NA_UREN", "0")
        with store.session() as session:
            session.execute(update(Melding).values(volgende_poging=dt.datetime(2000, 1, 1)))
            session.commit()
        meldingen.send_due(store)
        page = await (await client.get(f"/zaken/{reference}")).text()
        assert "niet verzonden" in page and "Het team kreeg geen bericht" in page
    finally:
        await client.close()
