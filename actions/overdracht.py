"""Handoff to the deskundigenteam: slots <-> bot.overdracht and the case store."""
from __future__ import annotations

import functools
import re
import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import routes as route_actions
from actions import werktoedeling as wt_actions
from actions.formulier import ALWAYS_ESCAPE, EngineForm, button_entities, typed_text
from bot import kluis, overdracht, routes, werktoedeling
from bot.privacy import normalise_phone, valid_email
from bot.zaken.opslag import Aanvraag, CaseStore
from bot.zaken.outbox import Outbox, hand_over

CONTACT_SLOTS = ["ov_naam", "ov_contactvoorkeur", "ov_email", "ov_telefoon", "ov_organisatie",
                 "ov_aanvulling", "ov_toestemming", "ov_bevestigd"]
# Messages that are clearly no name: intents that mean something else, and the few
# words people type instead of a name. (A bare name gets an arbitrary intent.)
NOT_A_NAME = {"goodbye", "help", "start_route", "start_werktoedeling", "werktoedeling_vraag", "faq"}
NOT_A_NAME_WORDS = {"ja", "nee", "ok", "oke", "oké", "ja hoor", "nee hoor", "doei", "dag", "hallo",
                    "hoi", "weet ik niet", "geen idee", "liever niet"}


@functools.lru_cache(maxsize=None)
def case_store() -> CaseStore:
    """One store (and connection pool) per action server process."""
    store = CaseStore()
    store.migrate()
    return store


def soort(tracker: Tracker) -> str:
    """Which flow the question came from: the form that was active last."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") in ("werktoedeling_form", "route_form"):
            return "werktoedeling" if event["name"] == "werktoedeling_form" else "route"
    return "overig"


def feiten_en_advies(tracker: Tracker, kind: str) -> tuple[dict[str, Any], dict[str, Any] | None, str | None]:
    """The facts the conversation collected and the engine's advice, if complete."""
    if kind == "werktoedeling":
        situatie = wt_actions.situatie(tracker.slots)
        advies = werktoedeling.evaluate(situatie)
        facts = {k: v for k, v in vars(situatie).items() if v}
    elif kind == "route":
        profiel = route_actions.profiel(tracker.slots)
        advies = routes.advise(profiel)
        facts = {k: v for k, v in vars(profiel).items() if v}
    else:
        return {}, None, None
    if not advies.klaar:
        return facts, None, None
    kop = getattr(advies, "kop", None) or f"fase {advies.fase_naam}"
    return facts, advies.payload(), kop


def before_handoff(tracker: Tracker) -> list[dict[str, Any]]:
    """The events before this handoff began: its own answers (name, e-mail) stay out of
    the question and the excerpt; they are stored once, as contact details."""
    events = list(tracker.events)
    starts = [i for i, e in enumerate(events)
              if e.get("event") == "active_loop" and e.get("name") == "overdracht_form"]
    if not starts:
        return events
    cut = starts[-1]
    while cut > 0 and events[cut - 1].get("event") != "user":
        cut -= 1
    return events[:cut - 1] if cut > 0 else []


def user_words(tracker: Tracker) -> list[str]:
    return [e.get("text") or "" for e in before_handoff(tracker) if e.get("event") == "user"]


def conversation(tracker: Tracker) -> list[tuple[str, str]]:
    messages = []
    for event in before_handoff(tracker):
        if event.get("event") == "user":
            messages.append(("gebruiker", event.get("text") or ""))
        elif event.get("event") == "bot":
            messages.append(("assistent", event.get("text") or ""))
    return messages


REQUEST_IDS = uuid.UUID("5b0f4a52-2d1c-4c55-9a57-6f1d1e0a7c18")  # namespace of our request ids


def request_id(tracker: Tracker) -> str:
    """The case's request id, the same every time this confirmation is handled.

    Made from the conversation and the summary the person confirmed (the last bot
    message before their latest message). That summary is stored in the tracker a turn
    earlier, so it is the same when the final action runs twice for one turn, and when
    Rasa lost the turn and the person sends "Versturen" again (a new message, with a new
    id and time). A new handoff shows a new summary, so it gets a new id."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    before = events[:users[-1]] if users else events
    summary = next((e for e in reversed(before) if e.get("event") == "bot" and e.get("timestamp")), None)
    if summary is not None:
        turn = f"bot:{summary['timestamp']!r}"
    elif users and (events[users[-1]].get("message_id") or events[users[-1]].get("timestamp")):
        confirming = events[users[-1]]
        turn = f"user:{confirming.get('message_id') or repr(confirming.get('timestamp'))}"
    else:
        return str(uuid.uuid4())  # nothing to derive it from (not seen in Rasa's trackers)
    return str(uuid.uuid5(REQUEST_IDS, f"{tracker.sender_id}|{turn}"))


def question_summary(tracker: Tracker) -> tuple[str, Aanvraag]:
    kind = soort(tracker)
    facts, advice, kop = feiten_en_advies(tracker, kind)
    slots = tracker.slots
    text = overdracht.samenvatting(kind, facts, kop, user_words(tracker), slots.get("ov_aanvulling"))
    aanvraag = Aanvraag(
        soort=kind, vraag=text, antwoorden=facts, advies=advice,
        gesprek=overdracht.gesprek_fragment(conversation(tracker)),
        gesprek_id=tracker.sender_id,
        naam=kluis.open_(slots.get("ov_naam")), email=kluis.open_(slots.get("ov_email")),
        telefoon=kluis.open_(slots.get("ov_telefoon")), organisatie=kluis.open_(slots.get("ov_organisatie")),
        contactvoorkeur=slots.get("ov_contactvoorkeur"), aanvraag_id=request_id(tracker),
    )
    return text, aanvraag


class ValidateOverdrachtForm(EngineForm):
    miss_slot = "ov_niet_begrepen"
    escape_intents = ALWAYS_ESCAPE | {"goodbye", "help"}

    def name(self) -> str:
        return "validate_overdracht_form"

    def next_slot(self, slots: dict[str, Any]) -> str | None:
        if slots.get("ov_toestemming") is None:
            return "ov_toestemming"
        if slots.get("ov_toestemming") is False:
            return None  # nothing more to ask: nothing will be stored
        if not kluis.open_(slots.get("ov_naam")):  # also when its key changed: ask again
            return "ov_naam"
        if not slots.get("ov_contactvoorkeur"):
            return "ov_contactvoorkeur"
        contact = "ov_email" if slots.get("ov_contactvoorkeur") == "email" else "ov_telefoon"
        if not kluis.open_(slots.get(contact)):
            return contact
        if slots.get("ov_organisatie") is None and self._employer(slots):
            return "ov_organisatie"
        return None if slots.get("ov_bevestigd") is not None else "ov_bevestigd"

    @staticmethod
    def _employer(slots: dict[str, Any]) -> bool:
        return any(slots.get(s) for s in ("wt_taak", "wt_taaksoort", "wt_medewerker"))

    def updates_from(self, message, slots, requested):
        intent = (message.get("intent") or {}).get("name")
        text = typed_text(message).strip()
        entities = button_entities(message, {"contactvoorkeur"})
        if requested == "ov_toestemming" and intent in ("affirm", "deny"):
            return {"ov_toestemming": intent == "affirm"}
        if requested == "ov_naam" and text and intent not in NOT_A_NAME \
                and text.lower().strip(" .!") not in NOT_A_NAME_WORDS:
            return {"ov_naam": kluis.sluit(text[:80])}
        if requested == "ov_contactvoorkeur":
            choice = entities.get("contactvoorkeur") or (
                "telefoon" if "tel" in text.lower() or "bel" in text.lower()
                else "email" if "mail" in text.lower() else None)
            return {"ov_contactvoorkeur": choice} if choice else {}
        if requested == "ov_email" and valid_email(text):
            return {"ov_email": kluis.sluit(text)}
        if requested == "ov_telefoon" and normalise_phone(text):
            return {"ov_telefoon": kluis.sluit(normalise_phone(text))}
        if requested == "ov_organisatie":
            return {"ov_organisatie": "" if intent == "deny" or not text else kluis.sluit(text[:200])}
        if requested == "ov_bevestigd":
            if intent in ("affirm", "deny"):
                return {"ov_bevestigd": intent == "affirm"}
            if text:  # an addition: shown in the summary, which is asked again
                earlier = slots.get("ov_aanvulling")
                return {"ov_aanvulling": f"{earlier} {text}" if earlier else text}
        return {}

    def attempted(self, requested, text):
        if requested == "ov_email":
            return "@" in text or bool(re.search(r"\b(at|apenstaartje)\b|\.(nl|com|org|net)\b", text))
        if requested == "ov_telefoon":
            return sum(c.isdigit() for c in text) >= 6
        return False

    def answered(self, requested, updates):
        return requested in updates or (requested == "ov_bevestigd" and "ov_aanvulling" in updates)

    def on_miss(self, dispatcher, requested, updates):
        messages = {"ov_email": "utter_ov_email_ongeldig", "ov_telefoon": "utter_ov_telefoon_ongeldig"}
        if requested not in messages:
            return None
        dispatcher.utter_message(response=messages[requested])
        return [SlotSet(self.miss_slot, 0)]


class ActionAskToestemming(Action):
    """Says what will happen and asks consent to store contact details."""

    def name(self) -> str:
        return "action_ask_ov_toestemming"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(
            text=(
                "Ik geef je vraag door aan het deskundigenteam van AlleKansenBenut!. "
                "Een medewerker leest je vraag en neemt contact met je op. "
                f"{overdracht.reactietijd()}\n"
                "Daarvoor bewaren we je naam, hoe we je kunnen bereiken en je vraag. "
                "We gebruiken dat alleen om je te helpen. Is dat goed?"
            ),
            buttons=[{"title": "Ja, dat is goed", "payload": "/affirm"},
                     {"title": "Nee, liever niet", "payload": "/deny"}],
        )
        return []


class ActionAskOverdrachtBevestigd(Action):
    """Shows the question as the team will read it, before anything is sent."""

    def name(self) -> str:
        return "action_ask_ov_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        text, aanvraag = question_summary(tracker)
        contact = aanvraag.email if aanvraag.contactvoorkeur == "email" else aanvraag.telefoon
        dispatcher.utter_message(
            text=(
                f"Dit sturen we naar het deskundigenteam:\n{text}\n\n"
                f"We nemen contact met je op via {contact}.\n"
                "Klopt dit? Wil je iets toevoegen? Typ het dan."
            ),
            buttons=[{"title": "Versturen", "payload": "/affirm"},
                     {"title": "Toch niet versturen", "payload": "/deny"}],
        )
        return []


class ActionOverdrachtAfronden(Action):
    def name(self) -> str:
        return "action_overdracht_afronden"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        forget = [SlotSet(slot, None) for slot in CONTACT_SLOTS]
        if not (tracker.get_slot("ov_toestemming") and tracker.get_slot("ov_bevestigd")):
            dispatcher.utter_message(response="utter_ov_niets_bewaard")
            return forget
        _, aanvraag = question_summary(tracker)
        referentie = hand_over(aanvraag, case_store, Outbox())
        if referentie is None:
            dispatcher.utter_message(response="utter_ov_in_wachtrij")
            dispatcher.utter_message(json_message={"type": "overdracht", "referentie": None, "status": "in_wachtrij"})
            return forget
        dispatcher.utter_message(
            text=(f"Je vraag is doorgestuurd naar het deskundigenteam. Je referentie is {referentie}. "
                  f"Bewaar dit nummer. {overdracht.reactietijd()}")
        )
        dispatcher.utter_message(json_message={"type": "overdracht", "referentie": referentie, "status": "nieuw"})
        return forget
