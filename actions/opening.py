"""The first message of a question: which flow it belongs to, or asking who is asking.

An employer's question about a zij-instromer and a zij-instromer's own question can look
alike. `bot.lezer.doelgroep.choose_flow` weighs the person's words, the NLU intent and the
facts in the message; when they disagree, the assistant asks "voor jezelf, of als
werkgever?" (buttons and free text) instead of guessing. The facts in the opening are kept
in the slots of both flows, so nothing the person typed has to be typed again.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import routes as route_actions
from actions import werktoedeling as wt_actions
from actions.formulier import ALWAYS_ESCAPE, EngineForm, button_entities, typed_text
from bot.lezer import doelgroep

FLOW_SLOT = "gesprek"      # werktoedeling, route, doelgroep or geen: which rule comes next
AUDIENCE_SLOT = "doelgroep"  # werkgever or zelf, once asked


def _slot_prefix(flow: str) -> str:
    return "wt_" if flow == "werktoedeling" else "rt_"


def flow_facts(message: dict[str, Any], slots: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The opening's facts for each flow, as slot values."""
    return {
        "werktoedeling": wt_actions.facts_from_message(message, slots),
        "route": route_actions.updates_from_message(message, None),
    }


class ActionOpening(Action):
    """Starts the flow an opening belongs to, or asks who is asking."""

    def name(self) -> str:
        return "action_opening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        audience = tracker.get_slot(AUDIENCE_SLOT)
        if tracker.active_loop_name is None and audience and tracker.get_slot(FLOW_SLOT) == "doelgroep":
            flow = "werktoedeling" if audience == doelgroep.WERKGEVER else "route"
            other = _slot_prefix("route" if flow == "werktoedeling" else "werktoedeling")
            cleared = [SlotSet(s, None) for s, v in tracker.slots.items() if s.startswith(other) and v is not None
                       and s not in ("rt_niet_begrepen", "wt_niet_begrepen", "rt_richting_gevraagd")]
            return self._start(dispatcher, flow, intro=True) + cleared
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        facts = flow_facts(message, tracker.slots)
        flow = doelgroep.choose_flow(
            typed_text(message), intent,
            employer_facts=employer_facts(facts["werktoedeling"]),
            own_facts=own_facts(facts["route"]),
        )
        if flow is None:
            dispatcher.utter_message(response="utter_wat_nu")
            return [SlotSet(FLOW_SLOT, "geen")]
        if flow == "doelgroep":
            fill = {**facts["werktoedeling"], **facts["route"]}
            return [SlotSet(FLOW_SLOT, "doelgroep"), SlotSet(AUDIENCE_SLOT, None)] + [
                SlotSet(k, v) for k, v in fill.items()]
        start = self._start(dispatcher, flow, intro=flow == "route" or not typed_text(message))
        return start + [SlotSet(k, v) for k, v in facts[flow].items()]

    @staticmethod
    def _start(dispatcher: CollectingDispatcher, flow: str, intro: bool) -> list[EventType]:
        """An employer's own question goes straight to the next question; the route intake
        and a flow chosen after "voor jezelf of als werkgever?" start with their intro."""
        if intro:
            dispatcher.utter_message(response="utter_rt_intro" if flow == "route" else "utter_wt_intro")
        return [SlotSet(FLOW_SLOT, flow)]


def employer_facts(slots: dict[str, Any]) -> bool:
    return any(slots.get(s) for s in ("wt_taak", "wt_onderwerp", "wt_signalen"))


def own_facts(slots: dict[str, Any]) -> bool:
    return any(slots.get(s) for s in ("rt_registratie", "rt_diploma", "rt_ambitie", "rt_werkervaring_maanden"))


class ValidateDoelgroepForm(EngineForm):
    """Reads the answer to "voor jezelf, of als werkgever?": a button or free text."""

    miss_slot = "doelgroep_niet_begrepen"
    not_understood = "utter_doelgroep_niet_begrepen"
    escape_intents = ALWAYS_ESCAPE | {"goodbye", "help", "faq", "mens_spreken"}

    def name(self) -> str:
        return "validate_doelgroep_form"

    def next_slot(self, slots: dict[str, Any]) -> str | None:
        return None if slots.get(AUDIENCE_SLOT) else AUDIENCE_SLOT

    def updates_from(self, message, slots, requested):
        text = typed_text(message)
        answer = (button_entities(message, {AUDIENCE_SLOT}).get(AUDIENCE_SLOT)
                  or doelgroep.explicit(text) or doelgroep.lean(text))
        return {AUDIENCE_SLOT: answer} if answer in (doelgroep.WERKGEVER, doelgroep.ZELF) else {}
