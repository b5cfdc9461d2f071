"""The case store against SQLite and the real PostgreSQL server, and the outbox."""
import json
import uuid

import psycopg2
import pytest
from sqlalchemy import inspect, select

from bot.zaken.model import Melding, Zaak
from bot.zaken.opslag import Aanvraag, CaseStore
from bot.zaken.outbox import Outbox, hand_over
from tests.helpers import CuttableProxy

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}


def postgres_available() -> bool:
    try:
        psycopg2.connect(**PG, connect_timeout=3).close()
        return True
    except psycopg2.OperationalError:
        return False


@pytest.fixture
def pg_database():
    """A fresh database on the local PostgreSQL server, dropped afterwards."""
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    name = f"wegwijzer_test_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(**PG)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.cursor().execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'cases.db'}"
    else:
        url = f"postgresql://postgres@127.0.0.1:5432/{request.getfixturevalue('pg_database')}"
    store = CaseStore(url)
    store.migrate()
    yield store
    store.engine.dispose()


def aanvraag(**extra):
    return Aanvraag(**{
        "soort": "werktoedeling", "vraag": "Mag een teamondersteuner notuleren?",
        "antwoorden": {"taak": "notuleren"}, "advies": {"verdict": "deskundigenteam"},
        "gesprek": [{"wie": "gebruiker", "tekst": "mag dat?"}], "gesprek_id": "abc",
        "naam": "Sam", "email": "sam@example.org", "contactvoorkeur": "email", **extra,
    })


def test_migration_creates_every_table(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"zaken", "notities", "meldingen", "gebruikers", "audit", "alembic_version"} <= tables


def test_a_case_gets_a_yearly_reference_and_is_committed(store):
    reference = store.create(aanvraag(aangemaakt="2026-11-23T10:00:00"))
    assert reference == "AKB-2026-00001"
    fresh = CaseStore(store.url)  # another connection sees it: it was committed
    zaak = fresh.case(reference)
    assert zaak.email == "sam@example.org" and zaak.antwoorden == {"taak": "notuleren"}
    assert zaak.status == "nieuw"
    fresh.engine.dispose()


def test_creating_the_same_request_twice_stores_it_once(store):
    request = aanvraag()
    assert store.create(request) == store.create(request)
    with store.session() as session:
        assert len(session.scalars(select(Zaak)).all()) == 1


def test_configured_channels_get_a_pending_notification(store, monkeypatch):
    monkeypatch.setenv("MELDING_WEBHOOK_URL", "http://127.0.0.1:9/hook")
    reference = store.create(aanvraag())
    with store.session() as session:
        [melding] = session.scalars(select(Melding)).all()
    assert melding.kanaal == "webhook" and melding.status == "wachtend"
    assert store.case(reference).id == melding.zaak_id


def test_outbox_keeps_a_case_while_postgres_is_unreachable_and_delivers_it_later(pg_database, tmp_path):
    proxy = CuttableProxy("127.0.0.1", 5432)
    store = CaseStore(f"postgresql://postgres@127.0.0.1:{proxy.port}/{pg_database}")
    store.migrate()
    outbox = Outbox(tmp_path / "outbox")
    try:
        assert hand_over(aanvraag(), lambda: store, outbox).startswith("AKB-")
        proxy.cut()  # the database goes away mid-test
        request = aanvraag()
        assert hand_over(request, lambda: store, outbox) is None
        [waiting] = outbox.pending()
        assert json.loads(waiting.read_text())["aanvraag_id"] == request.aanvraag_id
        assert outbox.flush(store) == []  # still down: nothing lost, nothing stored
        assert outbox.pending() == [waiting]
        proxy.restore()
        [reference] = outbox.flush(store)
        assert store.case(reference).aanvraag_id == request.aanvraag_id
        assert outbox.pending() == []
    finally:
        store.engine.dispose()
        proxy.close()


def test_outbox_survives_a_crash_between_store_and_delete(store, tmp_path):
    outbox = Outbox(tmp_path / "outbox")
    request = aanvraag()
    outbox.put(request)
    store.create(request)  # stored, but the file was not removed (crash)
    assert outbox.flush(store) == [store.case(store.create(request)).referentie]
    with store.session() as session:
        assert len(session.scalars(select(Zaak)).all()) == 1


def test_a_sender_id_as_long_as_rasa_allows_is_stored(store):
    """Issue 18, point 3: Rasa allows sender ids of 255 characters; the column held 100,
    so PostgreSQL refused such a case forever."""
    long_id = "s" * 255
    reference = store.create(aanvraag(gesprek_id=long_id))
    assert store.case(reference).gesprek_id == long_id


def test_a_bad_outbox_entry_is_set_aside_and_the_others_still_flow(store, tmp_path):
    """Issue 18, point 3: the flush stopped at the first error, so one entry the
    database always refuses (or an unreadable file) kept every good case behind it
    waiting. Now such an entry becomes a dead letter, with its reason, for the team."""
    outbox = Outbox(tmp_path / "outbox")
    first, last = aanvraag(aanvraag_id="a" * 8), aanvraag(aanvraag_id="d" * 8)
    outbox.put(first)
    outbox.put(aanvraag(aanvraag_id="b" * 8, vraag=None))  # the database refuses this one
    (outbox.directory / "c.json").write_text("{kapot", encoding="utf-8")  # unreadable
    outbox.put(last)
    stored = outbox.flush(store)
    assert [store.case(r).aanvraag_id for r in stored] == [first.aanvraag_id, last.aanvraag_id]
    assert outbox.pending() == []
    letters = store.dead_letters()
    assert [d.aanvraag_id for d in letters] == ["b" * 8, "c"]
    assert "vraag" in letters[0].reden and "Sam" in letters[0].inhoud
    assert "JSONDecodeError" in letters[1].reden and letters[1].inhoud == "{kapot"
    assert outbox.flush(store) == [] and len(store.dead_letters()) == 2  # set aside once



def test_a_change_and_its_audit_line_are_one_transaction(pg_database, tmp_path, monkeypatch):
    """Issue 18, point 8: the audit line was committed after the change, in its own
    transaction, so a failure in between left a change nobody can trace. A trigger
    that refuses audit lines stands in for that failure."""
    from bot.zaken import behandeling
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    store = CaseStore(f"postgresql://postgres@127.0.0.1:5432/{pg_database}")
    store.migrate()
    reference = store.create(aanvraag(gesprek_id="g1"))
    connection = psycopg2.connect(**{**PG, "dbname": pg_database})
    connection.autocommit = True
    connection.cursor().execute(
        "CREATE FUNCTION weiger() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit weigert'; END $$"
        " LANGUAGE plpgsql; CREATE TRIGGER weiger BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION weiger()")
    connection.close()
    try:
        for change in (lambda: behandeling.set_status(store, reference, "in_behandeling", "anna"),
                       lambda: behandeling.claim(store, reference, "anna"),
                       lambda: behandeling.add_note(store, reference, "gebeld", "anna"),
                       lambda: behandeling.erase_case(store, reference, "anna"),
                       lambda: behandeling.erase_contact(store, "g1")):
            with pytest.raises(Exception, match="audit weigert"):
                change()
            zaak = behandeling.case(store, reference)  # without its audit line, no change
            assert (zaak.status, zaak.behandelaar, zaak.notities) == ("nieuw", None, [])
            assert zaak.email == "sam@example.org" and zaak.vraag.startswith("Mag")
    finally:
        store.engine.dispose()
