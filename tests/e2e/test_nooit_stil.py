"""Every message gets an answer, in every state (issue 17: 8 of 381 first messages got none).

One held-out message per label (the test set's first, so not a training sentence) is sent as a
first message, and again in the middle of each intake. Each must get at least one bot message,
and an intake must still be waiting for its question afterwards, unless the message ends it on
purpose (stop, a human, start over, erase my data, or switching to the other flow).
"""
from __future__ import annotations

import uuid

import pytest
import requests

from devtools import nlu_eval

HELDOUT = nlu_eval.read_examples(nlu_eval.ROOT / "tests" / "nlu" / "heldout.yml")
ONE_PER_LABEL = {}
for example in HELDOUT:
    ONE_PER_LABEL.setdefault(example.label, example.text)
ENDS_THE_FORM = {"goodbye", "mens_spreken", "restart", "gegevens_verwijderen", "start_route",
                 "start_werktoedeling", "werktoedeling_vraag"}
FORMS = {"route_form": "/start_route", "werktoedeling_form": "/start_werktoedeling"}


def active_loop(assistant, sender: str) -> str | None:
    response = requests.get(f"{assistant.url}/conversations/{sender}/tracker",
                            params={"token": assistant.stack.token}, timeout=30)
    response.raise_for_status()
    return (response.json().get("active_loop") or {}).get("name")


@pytest.mark.parametrize("label", sorted(ONE_PER_LABEL))
def test_every_kind_of_first_message_gets_a_reply(assistant, label):
    sender = f"stil-{uuid.uuid4().hex[:10]}"
    messages = assistant.say(sender, ONE_PER_LABEL[label])
    assert any(m.get("text") or m.get("custom") for m in messages), (label, ONE_PER_LABEL[label])


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("label", sorted(ONE_PER_LABEL))
def test_every_kind_of_message_inside_an_intake_gets_a_reply_and_the_intake_goes_on(assistant, form, label):
    sender = f"stil-{uuid.uuid4().hex[:10]}"
    assistant.say(sender, FORMS[form])
    assert active_loop(assistant, sender) == form
    messages = assistant.say(sender, ONE_PER_LABEL[label])
    assert any(m.get("text") or m.get("custom") for m in messages), (label, ONE_PER_LABEL[label])
    if label not in ENDS_THE_FORM:
        assert active_loop(assistant, sender) is not None, (label, ONE_PER_LABEL[label])
