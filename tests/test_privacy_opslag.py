"""What is stored: the redacting tracker store (SQLite and the real PostgreSQL), erasure of
a conversation and of contact details, and the retention purge."""
import datetime as dt
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import kluis
from bot.bewaartermijn import purge_cases, purge_conversations
from bot.zaken import behandeling
from bot.zaken.model import Audit, Melding, Notitie
from bot.zaken.opslag import Aanvraag, CaseStore
from bot.zaken.outbox import Outbox
from extensions.privacy_store import CONTACT_MARK, RedigerendeSQLTrackerStore
from tests.test_zaken import pg_database  # noqa: F401  (fixture)

DOMAIN = Domain.load(["domain"])
RAW = [
    "mijn dochter heet Sanne en haar bsn is 111222333",
    "mail me op noor.jansen@voorbeeld.nl of bel 06-12345678",
    "Noor Jansen",  # typed as the answer to "Hoe heet je?"
]


def conversation(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update(UserUttered(RAW[0], {"name": "werktoedeling_vraag", "confidence": 0.9}))
    tracker.update(BotUttered("Ik mail je op noor.jansen@voorbeeld.nl."))
    tracker.update(UserUttered(RAW[1], {"name": "inform", "confidence": 0.9}))
    tracker.update(SlotSet("requested_slot", "ov_naam"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(RAW[2], {"name": "inform", "confidence": 0.4}))
    tracker.update(SlotSet("ov_naam", kluis.sluit(RAW[2])))
    tracker.update(SlotSet("ov_aanvulling", "en bel 0612345678"))
    return tracker


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        url = f"postgresql://postgres@127.0.0.1:5432/{request.getfixturevalue('pg_database')}"
    tracker_store = RedigerendeSQLTrackerStore(domain=DOMAIN, host=url)
    yield tracker_store
    tracker_store.engine.dispose()


def stored_text(store) -> str:
    with store.session_scope() as session:
        return "\n".join(row.data for row in session.query(store.SQLEvent))


@pytest.mark.asyncio
async def test_only_redacted_events_reach_the_database(store):
    await store.save(conversation("a"))
    everything = stored_text(store)
    for secret in ("Sanne", "111222333", "noor.jansen@voorbeeld.nl", "06-12345678", "Noor Jansen",
                   "0612345678"):
        assert secret not in everything
    assert CONTACT_MARK in everything  # the answer to the name question
    retrieved = await store.retrieve("a")
    assert kluis.open_(retrieved.get_slot("ov_naam")) == "Noor Jansen"  # sealed, still usable
    assert [e.text for e in retrieved.events if isinstance(e, UserUttered)][2] == CONTACT_MARK


@pytest.mark.asyncio
async def test_later_turns_are_redacted_too_and_nothing_is_stored_twice(store):
    tracker = conversation("b")
    await store.save(tracker)
    tracker = await store.retrieve("b")
    tracker.update(UserUttered("ik woon op 1234 AB 12", {"name": "inform", "confidence": 0.9}))
    await store.save(tracker)
    again = await store.retrieve("b")
    assert len(again.events) == len(tracker.events)
    assert "1234 AB" not in stored_text(store)


@pytest.mark.asyncio
async def test_a_message_over_the_limit_is_stored_cut_short(store):
    tracker = DialogueStateTracker("c", DOMAIN.slots)
    tracker.update(UserUttered("x" * 100_000, {"name": "te_lang", "confidence": 1.0}))
    await store.save(tracker)
    assert len(stored_text(store)) < 5_000


@pytest.mark.asyncio
async def test_erasure_deletes_the_whole_conversation(store):
    await store.save(conversation("d"))
    await store.save(conversation("e"))
    tracker = await store.retrieve("d")
    tracker.update(SlotSet("gegevens_gewist", True))
    await store.save(tracker)
    assert await store.retrieve("d") is None
    assert await store.retrieve("e") is not None


@pytest.mark.asyncio
async def test_purge_removes_only_conversations_past_their_retention(store):
    await store.save(conversation("oud"))
    await store.save(conversation("nieuw"))
    with store.session_scope() as session:
        session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == "oud").update(
            {"timestamp": time.time() - 40 * 86400})
        session.commit()
    url = str(store.engine.url.render_as_string(hide_password=False))
    assert purge_conversations(url, 30, dry=True) == 1 and await store.retrieve("oud") is not None
    assert purge_conversations(url, 30) == 1
    assert await store.retrieve("oud") is None and await store.retrieve("nieuw") is not None


def make_case(cases: CaseStore, gesprek_id: str) -> str:
    return cases.create(Aanvraag(soort="overig", vraag="Vraag", gesprek_id=gesprek_id, naam="Noor",
                                 email="noor@voorbeeld.nl", contactvoorkeur="email"))


def test_erasure_from_the_chat_wipes_contact_details_of_the_conversations_cases(tmp_path):
    cases = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    cases.migrate()
    open_ref, closed_ref, other_ref = (make_case(cases, g) for g in ("g1", "g1", "g2"))
    behandeling.set_status(cases, closed_ref, "in_behandeling", "anna")
    behandeling.set_status(cases, closed_ref, "afgerond", "anna")
    assert behandeling.erase_contact(cases, "g1", Outbox(tmp_path / "outbox")) == [open_ref, closed_ref]
    assert cases.case(open_ref).email is None and cases.case(open_ref).contact_gewist
    assert cases.case(other_ref).email == "noor@voorbeeld.nl"
    assert any(a.actie == "contact_gewist" for a in behandeling.audit_log(cases))


def test_the_team_can_erase_a_case_and_closed_cases_expire(tmp_path):
    cases = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    cases.migrate()
    ref, old = make_case(cases, "g1"), make_case(cases, "g2")
    behandeling.add_note(cases, ref, "belde terug", "anna")
    assert behandeling.erase_case(cases, ref, "anna")
    zaak = behandeling.case(cases, ref)
    assert zaak.vraag == "[gewist op verzoek]" and zaak.naam is None and not zaak.notities
    behandeling.set_status(cases, old, "in_behandeling", "anna")
    behandeling.set_status(cases, old, "afgerond", "anna")
    later = dt.datetime.utcnow() + dt.timedelta(days=400)
    assert purge_cases(cases, 365, now=dt.datetime.utcnow()).referenties == []
    assert purge_cases(cases, 365, now=later).referenties == [old]
    assert cases.case(old) is None and cases.case(ref) is not None  # open cases stay


@pytest.fixture(params=["sqlite", "postgresql"])
def cases(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'cases.db'}"
    else:
        url = f"postgresql://postgres@127.0.0.1:5432/{request.getfixturevalue('pg_database')}"
    cases = CaseStore(url)
    cases.migrate()
    yield cases
    cases.engine.dispose()


def close(cases: CaseStore, reference: str) -> None:
    behandeling.set_status(cases, reference, "in_behandeling", "anna")
    behandeling.set_status(cases, reference, "afgerond", "anna")


def test_an_expired_closed_case_with_a_note_is_purged_with_all_that_refers_to_it(cases, monkeypatch):
    """Issue 18, point 4: the ORM set the note's case id to NULL, which the schema
    forbids, so the whole purge rolled back: no expired case was ever deleted."""
    monkeypatch.setenv("MELDING_WEBHOOK_URL", "http://127.0.0.1:9/hook")  # each case gets a notification
    old, still_open = make_case(cases, "g1"), make_case(cases, "g2")
    behandeling.add_note(cases, old, "teruggebeld", "anna")
    behandeling.add_note(cases, still_open, "wacht op antwoord", "anna")
    close(cases, old)
    old_id = cases.case(old).id
    later = dt.datetime.utcnow() + dt.timedelta(days=400)
    report = purge_cases(cases, 365, now=later)
    assert report.referenties == [old] and (report.notities, report.meldingen) == (1, 1)
    assert report.auditregels >= 3  # the note and two status steps
    assert cases.case(old) is None
    with cases.session() as session:
        assert session.query(Notitie).filter_by(zaak_id=old_id).count() == 0
        assert session.query(Melding).filter_by(zaak_id=old_id).count() == 0
        assert session.query(Audit).filter_by(zaak_id=old_id).count() == 0
        [line] = session.query(Audit).filter_by(actie="zaak_verwijderd").all()
        assert line.details == old
    kept = behandeling.case(cases, still_open)  # an open case is never purged, however old
    assert [n.tekst for n in kept.notities] == ["wacht op antwoord"] and len(kept.meldingen) == 1


def test_erasure_covers_closed_cases_the_outbox_and_dead_letters(cases, tmp_path, monkeypatch):
    """Issue 18, point 5: closed cases were skipped, and a case still in the outbox
    was stored with the name and e-mail address after the person had erased them."""
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    outbox = Outbox()
    closed = make_case(cases, "g1")
    close(cases, closed)
    waiting = Aanvraag(soort="overig", vraag="Vraag", gesprek_id="g1", naam="Noor", email="noor@voorbeeld.nl")
    other = Aanvraag(soort="overig", vraag="Vraag", gesprek_id="g2", naam="Bo", email="bo@voorbeeld.nl")
    refused = Aanvraag(soort="overig", vraag=None, gesprek_id="g1", naam="Noor", email="noor@voorbeeld.nl")
    outbox.put(refused)
    outbox.flush(cases)  # refused: a dead letter with the contact details
    outbox.put(waiting)
    outbox.put(other)
    behandeling.erase_contact(cases, "g1")
    zaak = cases.case(closed)
    assert zaak.email is None and zaak.naam is None and zaak.contact_gewist
    stored = {cases.case(r).aanvraag_id: cases.case(r) for r in outbox.flush(cases)}
    assert stored[waiting.aanvraag_id].email is None and stored[waiting.aanvraag_id].contact_gewist
    assert stored[other.aanvraag_id].email == "bo@voorbeeld.nl"
    [letter] = cases.dead_letters()
    assert "noor" not in letter.inhoud.lower() and "IntegrityError" in letter.reden
