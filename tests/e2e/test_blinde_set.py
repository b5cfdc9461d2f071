"""The blind NLU set of issue 17 through the real servers: every test-half message gets a reply as
a first message, and a crisis typed as the answer to an intake question gets 112 / Veilig Thuis at
once while the intake can go on (tests/nlu/blind/, never trained on)."""
from __future__ import annotations

import uuid

import pytest

from devtools import nlu_blind, nlu_eval

TEST_HALF = nlu_eval.read_examples(nlu_blind.BLIND / "toets.yml")
IN_A_FORM = {text: kind["vraag"] for text, kind in nlu_blind.kinds().items()
             if kind["soort"] == "crisis_in_formulier"}
# The writers named the question they answered: one about a worker, a task or a child is the
# werktoedeling check's, one about "je" yourself the route intake's.
EMPLOYER_WORDS = ("medewerker", "taak", "collega", "kind")
pytestmark = pytest.mark.e2e


def is_crisis_reply(messages: list[dict]) -> bool:
    return any((m.get("custom") or {}).get("type") == "crisis" or "112" in (m.get("text") or "") for m in messages)


def test_every_test_half_message_as_a_first_message_gets_a_reply(assistant):
    silent = []
    for example in TEST_HALF:
        messages = assistant.say(f"blind-{uuid.uuid4().hex[:10]}", example.text)
        if not any(m.get("text") or m.get("custom") for m in messages):
            silent.append(example.text)
    assert not silent, silent


@pytest.mark.parametrize("text", sorted(IN_A_FORM), ids=range(len(IN_A_FORM)))
def test_a_crisis_typed_inside_an_intake_gets_the_crisis_message_first(assistant, text):
    question = IN_A_FORM[text].lower()
    start = "/start_werktoedeling" if any(w in question for w in EMPLOYER_WORDS) else "/start_route"
    sender = f"blind-{uuid.uuid4().hex[:10]}"
    assistant.say(sender, start)
    messages = assistant.say(sender, text)
    assert messages and is_crisis_reply(messages[:1]), (question, text, messages[:1])
