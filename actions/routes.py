"""Route intake: slots <-> bot.routes. No rule lives here."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.formulier import ESCAPE_INTENTS, YES_NO, EngineForm, button_entities, typed_text
from bot import routes
from bot.antwoorden import route_kosten_duur, route_samenvatting, route_tekst

FACTS = [
    "registratie", "ambitie", "diploma", "afgerond", "diploma_recent",
    "werkt_in_jeugdzorg", "hbo_functie", "werkervaring_jaren", "werk",
]
YES_NO_QUESTIONS = {"rt_afgerond", "rt_diploma_recent", "rt_werkt_in_jeugdzorg", "rt_hbo_functie"}
CONFIRM = "rt_bevestigd"


def profiel(slots: dict[str, Any]) -> routes.Profiel:
    values = {fact: slots.get(f"rt_{fact}") for fact in FACTS}
    if values["werkervaring_jaren"] is not None:
        values["werkervaring_jaren"] = int(values["werkervaring_jaren"])
    return routes.Profiel(**values, richting_gevraagd=bool(slots.get("rt_richting_gevraagd")))


def answer_to_requested(intent: str | None, requested: str | None) -> dict[str, Any]:
    """Ja/nee/weet ik niet, read as the answer to the question that was asked."""
    answer = YES_NO.get(intent or "")
    if requested in YES_NO_QUESTIONS and answer:
        # "Weet ik niet" is read as no: the route that needs a yes would not be safe.
        return {requested: "ja" if answer == "ja" else "nee"}
    if requested == "rt_ambitie" and intent == "weet_niet":
        return {requested: "registratie"}  # show the way to registration; jobs open now are listed too
    if requested == CONFIRM and answer == "ja":
        return {CONFIRM: True}
    return {}


def updates_from_message(message: dict[str, Any], requested: str | None) -> dict[str, Any]:
    text = typed_text(message)
    found = routes.recognise(text) if text else {}
    for fact, value in button_entities(message, {"registratie", "ambitie", "diploma"}).items():
        found[fact] = routes.resolve(fact, value) or found.get(fact)
    found = {k: v for k, v in found.items() if v is not None}
    updates = {f"rt_{fact}": value for fact, value in found.items()}
    intent = (message.get("intent") or {}).get("name")
    updates.update(answer_to_requested(intent, requested))
    if requested == "rt_richting" and text:
        updates["rt_richting_gevraagd"] = True  # asked once; keep what we have
        updates["rt_richting"] = text
    if updates.get("rt_diploma") and requested != CONFIRM:
        updates.setdefault("rt_richting_gevraagd", False)
    return updates


class ValidateRouteForm(EngineForm):
    miss_slot = "rt_niet_begrepen"
    escape_intents = ESCAPE_INTENTS - {"start_route"}

    def name(self) -> str:
        return "validate_route_form"

    def next_slot(self, slots: dict[str, Any]) -> str | None:
        advies = routes.advise(profiel(slots))
        if not advies.klaar:
            return f"rt_{advies.volgende_vraag}"
        return None if slots.get(CONFIRM) else CONFIRM

    def updates_from(self, message, slots, requested):
        return updates_from_message(message, requested)

    def answered(self, requested, updates):
        if requested == CONFIRM:
            # A correction typed at the summary counts too: the summary is shown again.
            return CONFIRM in updates or any(k != "rt_richting_gevraagd" for k in updates)
        if requested == "rt_richting":
            return True
        return requested in updates

    def on_miss(self, dispatcher, requested, updates):
        if requested != CONFIRM:
            return None
        dispatcher.utter_message(response="utter_rt_wat_klopt_niet")
        return [SlotSet(k, v) for k, v in updates.items()] + [SlotSet(self.miss_slot, 0)]


class ActionAskRouteBevestigd(Action):
    """The summary of what the assistant understood, with a way to correct it."""

    def name(self) -> str:
        return "action_ask_rt_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(
            text=route_samenvatting(profiel(tracker.slots)),
            buttons=[
                {"title": "Klopt", "payload": "/affirm"},
                {"title": "Iets aanpassen", "payload": "/deny"},
            ],
        )
        return []


class ActionRouteAdvies(Action):
    def name(self) -> str:
        return "action_route_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = routes.advise(profiel(tracker.slots))
        if not advies.klaar:  # a change opened a new question
            return [FollowupAction("route_form")]
        dispatcher.utter_message(
            text=route_tekst(advies),
            buttons=[
                {"title": "Kosten en duur", "payload": "/kosten_duur"},
                {"title": "Iets aanpassen", "payload": "/route_aanpassen"},
                {"title": "Overleggen met het deskundigenteam", "payload": "/mens_spreken"},
            ],
        )
        dispatcher.utter_message(json_message=advies.payload())
        return []


class ActionRouteKostenDuur(Action):
    def name(self) -> str:
        return "action_route_kosten_duur"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = routes.advise(profiel(tracker.slots))
        dispatcher.utter_message(text=route_kosten_duur(advies))
        return []


class ActionRouteAanpassen(Action):
    """Opens the summary again, so the user can correct what was understood."""

    def name(self) -> str:
        return "action_route_aanpassen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet(CONFIRM, None)]
