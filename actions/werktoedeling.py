"""Werktoedeling conversation: slots <-> bot.werktoedeling. No rule lives here."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.formulier import ESCAPE_INTENTS, YES_NO, EngineForm, button_entities, typed_text
from bot import werktoedeling as wt
from bot.antwoorden import werktoedeling_tekst, werktoedeling_waarom

FORM = "werktoedeling_form"
INDICATOR_IDS = [i["id"] for i in wt.rules()["indicatoren"]]
TASK_QUESTIONS = {"wt_taak", "wt_taaksoort"}  # a named task or a chosen kind both answer
FACT_SLOTS = {
    "taak": "wt_taak", "taaksoort": "wt_taaksoort", "werkveld": "wt_werkveld",
    "medewerker": "wt_medewerker", "tenzij_grond": "wt_tenzij_grond",
    "onderwerp": "wt_onderwerp",
}
# Facts about the task and the child; a new task starts without them.
TASK_SLOTS = [
    "wt_taak", "wt_taak_omschrijving", "wt_taaksoort", "wt_tenzij_grond", "wt_onderwerp",
    "wt_signalen", *(f"wt_{i}" for i in INDICATOR_IDS),
]


def slot_for_question(question: str) -> str:
    return "wt_" + question.removeprefix(wt.INDICATOR_VRAAG)


def situatie(slots: dict[str, Any]) -> wt.Situatie:
    return wt.Situatie(
        **{fact: slots.get(slot) for fact, slot in FACT_SLOTS.items()},
        antwoorden={i: slots[f"wt_{i}"] for i in INDICATOR_IDS if slots.get(f"wt_{i}")},
        signalen=list(slots.get("wt_signalen") or []),
    )


def facts_from_message(message: dict[str, Any], slots: dict[str, Any]) -> dict[str, Any]:
    """Slot values stated in one message: button entities first, then the text."""
    text = typed_text(message)
    found = wt.recognise(text) if text else {}
    for fact, value in button_entities(message, set(FACT_SLOTS)).items():
        found[fact] = wt.resolve(fact, value) or found.get(fact)
    updates = {FACT_SLOTS[f]: v for f, v in found.items() if f in FACT_SLOTS and v}
    signals = set(slots.get("wt_signalen") or [])
    if found.get("signalen") or found.get("ontkend"):
        denied = set(found.get("ontkend", []))
        signal_data = wt.rules()["signalen"]
        kept = {s for s in signals if signal_data[s]["indicator"] not in denied}
        updates["wt_signalen"] = sorted(kept | set(found.get("signalen", [])))
        for indicator in denied:
            updates[f"wt_{indicator}"] = wt.NEE
    return updates


def answer_to_requested(intent: str, requested: str | None) -> dict[str, Any]:
    """A yes/no/don't-know answer to the question that was asked."""
    if requested is None or intent not in YES_NO:
        return {}
    if requested.removeprefix("wt_") in INDICATOR_IDS:
        return {requested: YES_NO[intent]}
    if requested == "wt_tenzij_grond" and intent in ("deny", "weet_niet"):
        return {requested: "geen"}  # no ground given: the exception does not apply
    return {}


class ValidateWerktoedelingForm(EngineForm):
    """Fills the facts from each message and lets the engine choose the next question."""

    miss_slot = "wt_niet_begrepen"
    escape_intents = ESCAPE_INTENTS - {"start_werktoedeling", "werktoedeling_vraag"}

    def name(self) -> str:
        return "validate_werktoedeling_form"

    def next_slot(self, slots: dict[str, Any]) -> str | None:
        advies = wt.evaluate(situatie(slots))
        return None if advies.klaar else slot_for_question(advies.volgende_vraag)

    def updates_from(self, message, slots, requested):
        intent = (message.get("intent") or {}).get("name")
        updates = {**facts_from_message(message, slots), **answer_to_requested(intent, requested)}
        if requested in TASK_QUESTIONS and typed_text(message):
            updates.setdefault("wt_taak_omschrijving", typed_text(message))
        return updates

    def answered(self, requested, updates):
        if requested in TASK_QUESTIONS:  # a named task or a chosen kind both answer
            return bool(TASK_QUESTIONS & updates.keys())
        return requested in updates

    def on_miss(self, dispatcher, requested, updates):
        if requested != "wt_taak":
            return None
        # Not a task we know: ask which kind of task it is instead.
        return [SlotSet(k, v) for k, v in updates.items()] + [
            SlotSet("requested_slot", "wt_taaksoort")
        ]


class ActionWerktoedelingAdvies(Action):
    def name(self) -> str:
        return "action_werktoedeling_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = wt.evaluate(situatie(tracker.slots))
        if not advies.klaar:  # a correction opened a new question
            return [FollowupAction(FORM)]
        dispatcher.utter_message(
            text=werktoedeling_tekst(advies),
            buttons=[
                {"title": "Waarom?", "payload": "/waarom"},
                {"title": "Nog een taak checken", "payload": "/nog_een_taak"},
                {"title": "Overleggen met het deskundigenteam", "payload": "/mens_spreken"},
            ],
        )
        dispatcher.utter_message(json_message=advies.payload())
        return []


class ActionWerktoedelingWaarom(Action):
    def name(self) -> str:
        return "action_werktoedeling_waarom"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = wt.evaluate(situatie(tracker.slots))
        if not advies.klaar:
            return [FollowupAction(FORM)]
        dispatcher.utter_message(
            text=werktoedeling_waarom(advies, wt.rules()["norm"]),
            buttons=[
                {"title": "Nog een taak checken", "payload": "/nog_een_taak"},
                {"title": "Overleggen met het deskundigenteam", "payload": "/mens_spreken"},
            ],
        )
        return []


class ActionWerktoedelingNogEenTaak(Action):
    def name(self) -> str:
        return "action_werktoedeling_nog_een_taak"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_wt_nog_een_taak")
        return [SlotSet(slot, None) for slot in TASK_SLOTS]


class ActionWerktoedelingCorrectie(Action):
    """Applies a correction ("nee, het is wel een crisissituatie") to what is known."""

    def name(self) -> str:
        return "action_werktoedeling_correctie"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        updates = facts_from_message(tracker.latest_message, tracker.slots)
        if not updates:
            dispatcher.utter_message(response="utter_niet_begrepen")
        return [SlotSet(slot, value) for slot, value in updates.items()]
