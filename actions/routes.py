"""Route intake: slots <-> bot.routes. No rule lives here."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.formulier import ESCAPE_INTENTS, YES_NO, EngineForm, button_entities, typed_text
from bot import routes
from bot.lezer import zij_instromer
from bot.antwoorden import route_kosten_duur, route_samenvatting, route_tekst

FACTS = [
    "registratie", "big_beroep", "ambitie", "diploma", "afgerond", "diploma_recent",
    "werkt_in_jeugdzorg", "hbo_functie", "werkervaring_maanden", "werk", "diploma_tekst",
    "beroep", "werkt_als", "ander_register",
]
YES_NO_QUESTIONS = {"rt_afgerond", "rt_diploma_recent", "rt_werkt_in_jeugdzorg", "rt_hbo_functie"}
CONFIRM = "rt_bevestigd"
CHANGE = "rt_wijzig"  # "Wat klopt er niet?", after "Iets aanpassen" at the summary
# What "Iets aanpassen" can point at; clearing these makes the intake ask again.
PARTS = {
    "registratie": ["rt_registratie", "rt_big_beroep", "rt_ander_register"],
    "ambitie": ["rt_ambitie"],
    "opleiding": ["rt_diploma", "rt_richting", "rt_richting_gevraagd", "rt_afgerond", "rt_diploma_recent",
                  "rt_diploma_tekst"],
    "werk": ["rt_werkt_in_jeugdzorg", "rt_hbo_functie", "rt_werkervaring_maanden", "rt_werk", "rt_werkt_als"],
}


def profiel(slots: dict[str, Any]) -> routes.Profiel:
    values = {fact: slots.get(f"rt_{fact}") for fact in FACTS}
    return routes.Profiel(**values, richting_gevraagd=bool(slots.get("rt_richting_gevraagd")))


def button_answer(intent: str | None, requested: str | None) -> dict[str, Any]:
    """A yes/no/don't-know button, read as the answer to the question that was asked."""
    answer = YES_NO.get(intent or "")
    if not answer or not requested:
        return {}
    if requested == "rt_hbo_functie":
        return {requested: answer}
    if requested in ("rt_big_beroep", "rt_werkt_als"):  # "Weet ik niet"; the rest are buttons with a value
        return {requested: answer} if answer == "weet_niet" else {}
    if requested in YES_NO_QUESTIONS:
        return {requested: answer if answer != "weet_niet" or requested == "rt_diploma_recent" else "nee"}
    if requested == "rt_ambitie":
        return {requested: "nu_starten" if answer == "nee" else "registratie"}
    if requested == "rt_registratie":
        return {requested: {"ja": "geldig", "nee": "geen"}.get(answer)} if answer != "weet_niet" else {}
    if requested in (CONFIRM, CHANGE):
        return {CONFIRM: answer == "ja"}
    return {}


def updates_from_message(message: dict[str, Any], requested: str | None,
                         slots: dict[str, Any] | None = None) -> dict[str, Any]:
    """Slot values stated in one message: buttons first, then the text read in context."""
    slots = slots or {}
    text = typed_text(message)
    pending = requested.removeprefix("rt_") if requested else None
    lezing = zij_instromer.read(text, pending) if text else zij_instromer.Lezing()
    found = dict(lezing.feiten)
    for fact, value in button_entities(message, {"registratie", "big_beroep", "ambitie", "diploma", "werkt_als", "wijzig"}).items():
        if fact == "wijzig":
            return {slot: None for slot in PARTS.get(value, [])} | {CONFIRM: None, CHANGE: None}
        found[fact] = value
        lezing.geraden.discard(fact)
    profile = found.pop("profiel", None)
    named, said = routes.diploma(slots.get("rt_diploma")), routes.diploma(found.get("diploma"))
    level_of_named = bool(named and said and said.get("alleen_niveau") and not named.get("alleen_niveau")
                          and said["niveau"] == named["niveau"])
    if level_of_named:
        # "hbo, profiel jeugd" after "social work": the level confirms the programme, not a new one
        del found["diploma"]
        lezing.geraden.discard("diploma")
    current = routes.diploma(found.get("diploma") or slots.get("rt_diploma"))
    if profile and current and current.get("met_profiel", {}).get(profile):
        if "diploma" not in found and "diploma" in (slots.get("rt_geraden") or []) and not level_of_named:
            lezing.geraden.add("diploma")  # "jeugd" says the profile, not that it was hbo: still a '?'
        found["diploma"] = current["met_profiel"][profile]  # "Social Work" + "Jeugd"
    updates = {f"rt_{fact}": value for fact, value in found.items() if value is not None}
    intent = (message.get("intent") or {}).get("name")
    if not text:
        updates.update(button_answer(intent, requested))
    if requested == "rt_richting" and (text or updates):
        updates["rt_richting_gevraagd"] = True  # asked once; keep what we have
        updates["rt_richting"] = text or None
    if updates.get("rt_diploma") and updates["rt_diploma"] != slots.get("rt_diploma") and requested != "rt_richting":
        updates.setdefault("rt_richting_gevraagd", False)  # another diploma: its field is not asked yet
    if lezing.bevestigd is not None:
        updates[CONFIRM] = lezing.bevestigd
    guessed = (set(slots.get("rt_geraden") or []) - {k.removeprefix("rt_") for k in updates}) | lezing.geraden
    if level_of_named:
        guessed.discard("diploma")  # the level it was guessed at is now said
    if guessed != set(slots.get("rt_geraden") or []):
        updates["rt_geraden"] = sorted(guessed)
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
        if slots.get(CONFIRM) is None:
            return CONFIRM
        return None if slots.get(CONFIRM) else CHANGE  # "nee" at the summary: what is not right?

    def updates_from(self, message, slots, requested):
        updates = updates_from_message(message, requested, slots)
        if requested in (CONFIRM, CHANGE) and any(k not in (CONFIRM, CHANGE, "rt_geraden") for k in updates):
            updates[CONFIRM] = None  # a correction: show the summary again
            updates[CHANGE] = None
        return updates

    def answered(self, requested, updates):
        if requested == CONFIRM:
            # A correction typed at the summary counts too: the summary is shown again.
            return CONFIRM in updates or any(
                k not in (CONFIRM, "rt_richting_gevraagd", "rt_geraden") for k in updates)
        if requested == CHANGE:
            return any(k not in (CONFIRM, CHANGE, "rt_geraden") for k in updates)
        if requested == "rt_richting":
            return True
        return requested in updates


class ActionAskRouteBevestigd(Action):
    """The summary of what the assistant understood, with a way to correct it."""

    def name(self) -> str:
        return "action_ask_rt_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(
            text=route_samenvatting(profiel(tracker.slots), set(tracker.get_slot("rt_geraden") or [])),
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
            # Cleared, so the form asks it even if the slot holds an answer the engine cannot
            # use; else form and advice hand over to each other without a word (a silent loop).
            return [SlotSet(f"rt_{advies.volgende_vraag}", None), FollowupAction("route_form")]
        buttons = [
            {"title": "Kosten en duur", "payload": "/kosten_duur"},
            {"title": "Iets aanpassen", "payload": "/route_aanpassen"},
            {"title": "Overleggen met het deskundigenteam", "payload": "/mens_spreken"},
        ]
        if not advies.routes:  # a vaktherapeut in his own field: no route with a cost or duration
            buttons = [b for b in buttons if b["payload"] != "/kosten_duur"]
        dispatcher.utter_message(text=route_tekst(advies), buttons=buttons)
        dispatcher.utter_message(json_message=advies.payload())
        return []


class ActionRouteKostenDuur(Action):
    def name(self) -> str:
        return "action_route_kosten_duur"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = routes.advise(profiel(tracker.slots))
        buttons = [] if advies.klaar else [{"title": "Waar begin ik?", "payload": "/start_route"}]
        dispatcher.utter_message(text=route_kosten_duur(advies), buttons=buttons)
        return []


class ActionRouteAanpassen(Action):
    """Opens the summary again, so the user can correct what was understood."""

    def name(self) -> str:
        return "action_route_aanpassen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet(CONFIRM, None)]
