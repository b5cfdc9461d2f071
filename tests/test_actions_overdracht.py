"""The handoff adapters: the form's questions, the summary, and creating the case."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import overdracht as ov
from bot import kluis
from bot.zaken.model import Zaak
from bot.zaken.opslag import CaseStore
from bot.zaken.outbox import Outbox
from tests.helpers import CuttableProxy
from tests.test_zaken import pg_database  # noqa: F401  (fixture)

FORM = ov.ValidateOverdrachtForm()
EVENTS = [
    {"event": "user", "text": "mag de ondersteuner het plan ondertekenen?"},
    {"event": "active_loop", "name": "werktoedeling_form"},
    {"event": "bot", "text": "Hier geven de regels geen duidelijk antwoord."},
]
# Contact slots hold sealed values (bot/kluis.py), never the details in clear.
SAM, SAM_EMAIL = kluis.sluit("Sam"), kluis.sluit("sam@voorbeeld.nl")
READY = {"ov_toestemming": True, "ov_bevestigd": True, "ov_naam": SAM,
         "ov_contactvoorkeur": "email", "ov_email": SAM_EMAIL, "wt_taak": "plan_ondertekenen"}


def tracker(slots, text="", intent="inform", events=EVENTS):
    message = {"text": text, "intent": {"name": intent}, "entities": []}
    return Tracker("gesprek-1", slots, message, list(events), False, None, {}, "action_listen")


@pytest.mark.parametrize("slots, expected", [
    ({}, "ov_toestemming"),
    ({"ov_toestemming": False}, None),
    ({"ov_toestemming": True}, "ov_naam"),
    ({"ov_toestemming": True, "ov_naam": SAM, "ov_contactvoorkeur": "telefoon"}, "ov_telefoon"),
    ({"ov_toestemming": True, "ov_naam": "kluis:onleesbaar"}, "ov_naam"),  # another key: ask again
    ({**READY, "ov_bevestigd": None}, "ov_organisatie"),  # an employer is asked for the organisation
    ({**READY, "ov_bevestigd": None, "ov_organisatie": ""}, "ov_bevestigd"),
    ({**READY, "wt_taak": None, "ov_bevestigd": None}, "ov_bevestigd"),
])
def test_asks_only_what_is_needed(slots, expected):
    assert FORM.next_slot(slots) == expected


@pytest.mark.parametrize("requested, text, intent, expected", [
    ("ov_toestemming", "ja", "affirm", {"ov_toestemming": True}),
    ("ov_naam", "Sam", "greet", {"ov_naam": "Sam"}),
    ("ov_naam", "doei", "goodbye", {}),
    ("ov_naam", "ja", "affirm", {}),
    ("ov_email", "sam@voorbeeld", "inform", {}),
    ("ov_telefoon", "+31 6 1234 5678", "inform", {"ov_telefoon": "+31612345678"}),
    ("ov_contactvoorkeur", "bel me maar", "inform", {"ov_contactvoorkeur": "telefoon"}),
    ("ov_organisatie", "/deny", "deny", {"ov_organisatie": ""}),
    ("ov_bevestigd", "en ook over EVC", "inform", {"ov_aanvulling": "en ook over EVC"}),
])
def test_reads_answers(requested, text, intent, expected):
    updates = FORM.updates_from({"text": text, "intent": {"name": intent}}, {}, requested)
    opened = {k: kluis.open_(v) if kluis.gesloten(v) else v for k, v in updates.items()}
    assert opened == expected


def test_contact_details_are_sealed_in_their_slots():
    updates = FORM.updates_from({"text": "sam@voorbeeld.nl", "intent": {"name": "inform"}}, {}, "ov_email")
    assert "sam" not in updates["ov_email"] and kluis.open_(updates["ov_email"]) == "sam@voorbeeld.nl"


def test_summary_contains_the_facts_the_advice_and_own_words():
    text, aanvraag = ov.question_summary(tracker(READY))
    assert aanvraag.soort == "werktoedeling" and aanvraag.advies["verdict"] == "deskundigenteam"
    assert "Vraag over werktoedeling" in text and "plan ondertekenen" in text
    assert aanvraag.gesprek[0] == {"wie": "gebruiker", "tekst": "mag de ondersteuner het plan ondertekenen?"}


@pytest.mark.asyncio
async def test_the_case_is_created_and_contact_slots_are_forgotten(tmp_path, monkeypatch):
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    store.migrate()
    monkeypatch.setattr(ov, "case_store", lambda: store)
    dispatcher = CollectingDispatcher()
    events = await ov.ActionOverdrachtAfronden().run(dispatcher, tracker(READY), {})
    reference = dispatcher.messages[1]["custom"]["referentie"]
    assert store.case(reference).email == "sam@voorbeeld.nl"
    assert {"ov_email", "ov_naam"} <= {e["name"] for e in events if e["value"] is None}


@pytest.mark.asyncio
async def test_when_the_database_is_down_the_user_is_told_and_the_case_waits(pg_database, tmp_path, monkeypatch):  # noqa: F811
    proxy = CuttableProxy("127.0.0.1", 5432)
    store = CaseStore(f"postgresql://postgres@127.0.0.1:{proxy.port}/{pg_database}")
    store.migrate()
    monkeypatch.setattr(ov, "case_store", lambda: store)
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    try:
        proxy.cut()
        dispatcher = CollectingDispatcher()
        await ov.ActionOverdrachtAfronden().run(dispatcher, tracker(READY), {})
        assert dispatcher.messages[0]["response"] == "utter_ov_in_wachtrij"
        assert dispatcher.messages[1]["custom"] == {"type": "overdracht", "referentie": None, "status": "in_wachtrij"}
        assert len(list((tmp_path / "outbox").glob("*.json"))) == 1
    finally:
        store.engine.dispose()
        proxy.close()


@pytest.mark.asyncio
async def test_without_consent_nothing_is_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(ov, "case_store", lambda: pytest.fail("the store must not be touched"))
    dispatcher = CollectingDispatcher()
    await ov.ActionOverdrachtAfronden().run(dispatcher, tracker({"ov_toestemming": False}), {})
    assert dispatcher.messages[0]["response"] == "utter_ov_niets_bewaard"


def test_the_handoff_answers_stay_out_of_the_question_and_the_excerpt():
    events = [*EVENTS,
              {"event": "user", "text": "ik wil iemand spreken"},
              {"event": "action", "name": "overdracht_form"},
              {"event": "active_loop", "name": "overdracht_form"},
              {"event": "user", "text": "Sam"},
              {"event": "user", "text": "sam@voorbeeld.nl"}]
    text, aanvraag = ov.question_summary(tracker(READY, events=events))
    assert "Sam" not in text and "e-mail" not in text
    assert [m["tekst"] for m in aanvraag.gesprek] == [
        "mag de ondersteuner het plan ondertekenen?", "Hier geven de regels geen duidelijk antwoord."]


@pytest.mark.parametrize("requested, text, expected", [
    ("ov_email", "sam at voorbeeld", True), ("ov_email", "sam@voorbeeld", True),
    ("ov_email", "hoe werkt dit?", False), ("ov_telefoon", "06 1234 56", True),
    ("ov_telefoon", "help", False), ("ov_naam", "sam at voorbeeld", False),
])
def test_a_mistyped_contact_detail_is_an_attempt_not_a_new_question(requested, text, expected):
    assert FORM.attempted(requested, text) is expected



@pytest.mark.asyncio
async def test_the_first_handoff_after_start_while_the_database_is_down_goes_to_the_outbox(
        pg_database, tmp_path, monkeypatch):  # noqa: F811
    """Issue 18, point 1: opening the store (and its migration) failed outside the
    handoff's error handling, so the case was lost and the person saw nothing."""
    proxy = CuttableProxy("127.0.0.1", 5432)
    monkeypatch.setenv("DATABASE_URL", f"postgresql://postgres@127.0.0.1:{proxy.port}/{pg_database}")
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    ov.case_store.cache_clear()
    try:
        proxy.cut()
        dispatcher = CollectingDispatcher()
        await ov.ActionOverdrachtAfronden().run(dispatcher, tracker(READY), {})
        assert dispatcher.messages[0]["response"] == "utter_ov_in_wachtrij"
        assert dispatcher.messages[1]["custom"]["status"] == "in_wachtrij"
        assert len(list((tmp_path / "outbox").glob("*.json"))) == 1
        proxy.restore()
        store = ov.case_store()  # the store opens (and migrates) once the database is back
        assert len(Outbox(tmp_path / "outbox").flush(store)) == 1
        store.engine.dispose()
    finally:
        ov.case_store.cache_clear()
        proxy.close()


CONFIRMED = [
    *EVENTS,
    {"event": "bot", "text": "Dit sturen we naar het deskundigenteam: ...", "timestamp": 1000.5},
    {"event": "action", "name": "action_listen", "timestamp": 1000.6},
    {"event": "user", "text": "/affirm", "timestamp": 1010.0, "message_id": "m1"},
]


@pytest.mark.asyncio
async def test_the_same_confirmation_twice_gives_one_case_and_the_same_reference(tmp_path, monkeypatch):
    """Issue 18, point 2: running the final action twice (Rasa crashed after the commit,
    a proxy gave up, the person sent 'Versturen' again) made two cases."""
    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    store.migrate()
    monkeypatch.setattr(ov, "case_store", lambda: store)
    resent = [*CONFIRMED[:-1], {"event": "user", "text": "/affirm", "timestamp": 1075.0, "message_id": "m2"}]
    shown = []
    for events in (CONFIRMED, CONFIRMED, resent):
        dispatcher = CollectingDispatcher()
        await ov.ActionOverdrachtAfronden().run(dispatcher, tracker(READY, events=events), {})
        shown.append(dispatcher.messages[1]["custom"]["referentie"])
        assert shown[-1] in dispatcher.messages[0]["text"]
    assert shown[0] is not None and shown == [shown[0]] * 3
    with store.session() as session:
        assert session.query(Zaak).count() == 1
    # Another handoff later in the same conversation (a new summary) is a new case.
    later = [*CONFIRMED, {"event": "bot", "text": "Dit sturen we ...", "timestamp": 2000.0},
             {"event": "user", "text": "/affirm", "timestamp": 2010.0}]
    dispatcher = CollectingDispatcher()
    await ov.ActionOverdrachtAfronden().run(dispatcher, tracker(READY, events=later), {})
    assert dispatcher.messages[1]["custom"]["referentie"] not in (None, shown[0])
