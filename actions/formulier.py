"""A Rasa form whose next question is chosen by a rules engine from bot/.

Shared by the werktoedeling check and the route intake. Each message may fill several
facts at once (free text is read with the catalogues); the engine then names the one
question that still matters. An answer that is not understood is explained and the
question asked again, so nothing the user said is lost.
"""
from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

YES_NO = {"affirm": "ja", "deny": "nee", "weet_niet": "weet_niet"}
# Intents that always leave the form turn to their own rule.
ALWAYS_ESCAPE = {"crisis", "restart", "te_lang", "gegevens_verwijderen"}
# Intents that leave it unless the message answers the question that was asked
# (an answer mentioning "SKJ" must not be taken for a question about SKJ).
ESCAPE_INTENTS = {
    "crisis", "restart", "te_lang", "gegevens_verwijderen", "mens_spreken", "goodbye", "help", "faq",
    "start_route", "start_werktoedeling", "werktoedeling_vraag",
}


def crisis_message_given(events: list[dict[str, Any]]) -> bool:
    """Whether the crisis message has been given since the last user message. A crisis typed as
    an answer ("hij vertrouwt alleen haar; thuis escaleert het") gets 112 / Veilig Thuis first;
    then the form reads the same message, so what it says about the question is not lost."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "utter_crisis":
            return True
    return False


class EngineForm(FormValidationAction):
    """Subclasses say how a message becomes slot values and which slot comes next."""

    miss_slot: str = ""            # counts answers in a row that were not understood
    not_understood: str = "utter_niet_begrepen"  # response that explains what to do
    escape_intents: set[str] = ESCAPE_INTENTS
    # Intents that leave the form by their button only; typed, they are read as an answer.
    button_only_escapes: set[str] = set()

    @abc.abstractmethod
    def name(self) -> str:
        """validate_<form name>"""

    @abc.abstractmethod
    def next_slot(self, slots: dict[str, Any]) -> str | None:
        """The slot to ask for next, or None when the engine has its answer."""

    @abc.abstractmethod
    def updates_from(
        self, message: dict[str, Any], slots: dict[str, Any], requested: str | None
    ) -> dict[str, Any]:
        """Slot values stated in one message (text, buttons, yes/no answers)."""

    def answered(self, requested: str, updates: dict[str, Any]) -> bool:
        return requested in updates

    def attempted(self, requested: str, text: str) -> bool:
        """Whether a message that did not answer was still meant as an answer (a mistyped
        e-mail address), so it gets "that is not valid" instead of leaving the form."""
        return False

    def an_answer_not_a_question(self, requested: str | None, intent: str | None, text: str) -> bool:
        """Whether a message the classifier took for a question (an FAQ) is an answer that was
        not understood; then the form explains instead of answering the FAQ."""
        return False

    def on_miss(
        self, dispatcher: CollectingDispatcher, requested: str, updates: dict[str, Any]
    ) -> list[EventType] | None:
        """A form-specific reaction to a miss; None for the default."""
        return None

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher,
        tracker: Tracker, domain: dict[str, Any],
    ) -> list[str]:
        slot = self.next_slot(tracker.slots)
        return [slot] if slot else []

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
    ) -> list[EventType]:
        # The SDK's default keeps only slots that are still required; here the engine
        # names just the next question, so that would drop every answer given.
        events = await self.get_extraction_events(dispatcher, tracker, domain)
        if any(e.get("name") == "requested_slot" for e in events):
            return events  # the form chose its next question itself
        tracker.add_slots(events)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        return events + ([next_slot] if next_slot else [])

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
    ) -> list[EventType]:
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        after_crisis = intent == "crisis" and crisis_message_given(tracker.events)
        if intent in ALWAYS_ESCAPE and not after_crisis:
            return []  # Rasa rejects the form turn, so the rule for that intent runs
        requested = tracker.get_slot("requested_slot")
        updates = self.updates_from(message, tracker.slots, requested)
        answered = bool(requested) and self.answered(requested, updates)
        if after_crisis and not answered:
            return []  # a real crisis is no answer: no "not understood", the question again
        typed = typed_text(message)
        if intent in self.escape_intents and not answered \
                and not (intent in self.button_only_escapes and typed) \
                and not self.attempted(requested, typed) \
                and not self.an_answer_not_a_question(requested, intent, typed):
            return []
        if requested and not answered:
            return self._miss(dispatcher, tracker, requested, updates)
        updates[self.miss_slot] = 0
        return [SlotSet(slot, value) for slot, value in updates.items()]

    def _miss(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str,
        updates: dict[str, Any],
    ) -> list[EventType]:
        """Keeps what was recognised, explains, and lets the form ask again."""
        special = self.on_miss(dispatcher, requested, updates)
        if special is not None:
            return special
        misses = (tracker.get_slot(self.miss_slot) or 0) + 1
        if misses >= 2:
            dispatcher.utter_message(
                response="utter_fallback_deskundigenteam",
                buttons=[{"title": "Ja, graag", "payload": "/mens_spreken"}],
            )
        else:
            dispatcher.utter_message(response=self.not_understood)
        # Setting a slot keeps the form active (Rasa rejects a turn that sets none).
        return [SlotSet(k, v) for k, v in {**updates, self.miss_slot: misses}.items()]


def button_entities(message: dict[str, Any], names: set[str]) -> dict[str, str]:
    """Entity values from a button payload (/inform{"medewerker": "student"}) for the given
    entity names. Typed text is read by bot/lezer, not by DIET's entities: one reader."""
    if typed_text(message):
        return {}
    return {
        e["entity"]: str(e.get("value", ""))
        for e in message.get("entities", [])
        if e.get("entity") in names and e.get("value")
    }


def typed_text(message: dict[str, Any]) -> str:
    """What the user typed; empty for a button payload such as /affirm."""
    text = message.get("text") or ""
    return "" if text.startswith("/") else text
