"""Werktoedeling conversation: slots <-> bot.werktoedeling. No rule lives here."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import werktoedeling as wt
from bot.antwoorden import werktoedeling_tekst, werktoedeling_waarom

FORM = "werktoedeling_form"
# Intents that leave the check to another rule (crisis, help, a person, ...).
ESCAPE_INTENTS = {"crisis", "restart", "mens_spreken", "goodbye", "help", "start_route", "faq"}
YES_NO = {"affirm": wt.JA, "deny": wt.NEE, "weet_niet": wt.WEET_NIET}
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
    text = message.get("text") or ""
    found = {} if text.startswith("/") else wt.recognise(text)
    for entity in message.get("entities", []):
        fact = entity.get("entity")
        if fact in FACT_SLOTS:
            found[fact] = wt.resolve(fact, str(entity.get("value", ""))) or found.get(fact)
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


class ValidateWerktoedelingForm(FormValidationAction):
    """Fills the facts from each message and lets the engine choose the next question."""

    def name(self) -> str:
        return "validate_werktoedeling_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
    ) -> list[EventType]:
        # The SDK's default keeps only slots that are still required; here the engine
        # names just the next question, so that would drop every answer given.
        events = await self.get_extraction_events(dispatcher, tracker, domain)
        if any(e.get("name") == "requested_slot" for e in events):
            return events  # the extraction chose the next question itself
        tracker.add_slots(events)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        return events + ([next_slot] if next_slot else [])

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher,
        tracker: Tracker, domain: dict[str, Any],
    ) -> list[str]:
        advies = wt.evaluate(situatie(tracker.slots))
        return [] if advies.klaar else [slot_for_question(advies.volgende_vraag)]

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
    ) -> list[EventType]:
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        if intent in ESCAPE_INTENTS:
            return []  # Rasa rejects the form turn, so the rule for that intent runs
        requested = tracker.get_slot("requested_slot")
        updates = {
            **facts_from_message(message, tracker.slots),
            **answer_to_requested(intent, requested),
        }
        if requested in TASK_QUESTIONS and not message.get("text", "").startswith("/"):
            updates.setdefault("wt_taak_omschrijving", message.get("text"))
        answered = requested in updates or (
            requested in TASK_QUESTIONS and TASK_QUESTIONS & updates.keys()
        )
        if requested and not answered:
            return self._not_understood(dispatcher, tracker, updates)
        updates["wt_niet_begrepen"] = 0
        return [SlotSet(slot, value) for slot, value in updates.items()]

    @staticmethod
    def _not_understood(
        dispatcher: CollectingDispatcher, tracker: Tracker, updates: dict[str, Any]
    ) -> list[EventType]:
        """Keeps what was recognised, explains, and lets the form ask again."""
        misses = (tracker.get_slot("wt_niet_begrepen") or 0) + 1
        if tracker.get_slot("requested_slot") == "wt_taak":
            # Not a task we know: ask which kind of task it is instead.
            return [SlotSet(k, v) for k, v in updates.items()] + [
                SlotSet("requested_slot", "wt_taaksoort")
            ]
        if misses >= 2:
            dispatcher.utter_message(
                response="utter_fallback_deskundigenteam",
                buttons=[{"title": "Ja, graag", "payload": "/mens_spreken"}],
            )
        else:
            dispatcher.utter_message(response="utter_wt_niet_begrepen")
        # Setting this slot keeps the form active (Rasa rejects a turn that sets none).
        return [SlotSet(k, v) for k, v in {**updates, "wt_niet_begrepen": misses}.items()]


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
            dispatcher.utter_message(response="utter_wt_niet_begrepen")
        return [SlotSet(slot, value) for slot, value in updates.items()]
