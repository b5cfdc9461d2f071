"""Privacy and hostile input end to end: through the real Rasa server and action server,
into the real (SQLite) tracker store and case store."""
import re
import sqlite3
from pathlib import Path

import pytest
import requests
import yaml

from bot.zaken.opslag import CaseStore
from tests.conftest import texts

HOSTILE = yaml.safe_load((Path(__file__).parents[1] / "vijandig" / "invoer.yml").read_text(encoding="utf-8"))
EXPAND = {"@@100KB@@": "a" * 100_000, "@@2001@@": "b" * 2001}
RULE_FILES = [Path("bot/kennis/werktoedeling.yml"), Path("bot/kennis/routes.yml")]


def stored(assistant, sender) -> str:
    with sqlite3.connect(assistant.tracker_db) as db:
        return "\n".join(row[0] for row in db.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)))


def handoff(assistant, sender, *extra):
    assistant.say(sender, "ik wil iemand spreken")
    assistant.say(sender, "ja")
    assistant.say(sender, "Noor Vermeulen")
    assistant.say(sender, '/inform{"contactvoorkeur": "email"}')
    assistant.say(sender, "noor.vermeulen@voorbeeld.nl")
    for text in extra:
        assistant.say(sender, text)
    final = assistant.say(sender, "/affirm")
    return re.search(r"AKB-\d{4}-\d{5}", texts(final)).group(0)


def test_contact_details_reach_the_case_but_never_the_tracker_store(assistant, sender):
    reference = handoff(assistant, sender, "mijn dochter heet Lotte, bel me op 06-24681357")
    everything = stored(assistant, sender)
    assert everything, "the conversation is stored"
    for secret in ("Noor Vermeulen", "noor.vermeulen@voorbeeld.nl", "Lotte", "06-24681357"):
        assert secret not in everything
    store = CaseStore(assistant.case_db_url)
    zaak = store.case(reference)
    store.engine.dispose()
    assert zaak.naam == "Noor Vermeulen" and zaak.email == "noor.vermeulen@voorbeeld.nl"


def test_erase_my_data_deletes_the_conversation_and_the_contact_details(assistant, sender):
    reference = handoff(assistant, sender)
    question = assistant.say(sender, "verwijder mijn gegevens")
    assert "/affirm" in [b["payload"] for m in question for b in m.get("buttons", [])]
    reply = assistant.say(sender, "/affirm")
    assert reference in texts(reply) and "gewist" in texts(reply)
    assert {"type": "gegevens_gewist"} in [m.get("custom") for m in reply]
    assert stored(assistant, sender) == ""
    store = CaseStore(assistant.case_db_url)
    zaak = store.case(reference)
    store.engine.dispose()
    assert zaak.contact_gewist and zaak.email is None and zaak.naam is None
    assert "Hoi" in texts(assistant.say(sender, "hallo"))  # a fresh conversation


def test_rasas_http_api_needs_the_token(assistant, sender):
    assistant.say(sender, "hallo")
    url = f"{assistant.url}/conversations/{sender}/tracker"
    assert requests.get(url, timeout=10).status_code in (401, 403)
    response = requests.get(url, params={"token": assistant.stack.environment()["RASA_TOKEN"]}, timeout=10)
    assert response.status_code == 200 and response.json()["sender_id"] == sender


@pytest.mark.parametrize("case", HOSTILE, ids=[f"{i:02d}-{c['soort']}" for i, c in enumerate(HOSTILE)])
def test_hostile_input_gets_a_polite_reply_and_changes_nothing(assistant, sender, case):
    rules_before = [p.read_bytes() for p in RULE_FILES]
    text = EXPAND.get(case["tekst"], case["tekst"])
    reply = assistant.say(sender, text)
    assert reply and all(m.get("text") or m.get("custom") for m in reply)
    shown = texts(reply)
    assert "<script" not in shown and "javascript:" not in shown and "onerror" not in shown
    if len(text) > 2000:
        assert "te lang" in shown
    everything = stored(assistant, sender)
    assert len(everything) < 20_000  # nothing beyond the length limit is kept
    for secret in case.get("geheim", []):
        assert secret not in everything
    assert [p.read_bytes() for p in RULE_FILES] == rules_before
    assert assistant.say(sender, "hallo"), "the conversation goes on"
    control = sender + "-controle"
    check = assistant.answer(control, assistant.say(control, "mag een stagiair een plan vaststellen?"),
                             {"wt_werkveld": '/inform{"werkveld": "jeugdhulp"}'})
    assert "geregistreerde professional nodig" in texts(check), "the rules are unchanged"

