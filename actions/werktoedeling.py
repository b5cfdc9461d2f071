"""Werktoedeling conversation: slots <-> bot.werktoedeling and bot.lezer.werkgever. No rule lives here."""
from __future__ import annotations

import abc
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.formulier import ESCAPE_INTENTS, YES_NO, EngineForm, button_entities, typed_text
from bot import werktoedeling as wt
from bot.antwoorden import werktoedeling_samenvatting, werktoedeling_tekst, werktoedeling_waarom
from bot.lezer import werkgever
from bot.lezer.tekst import normalise

FORM = "werktoedeling_form"
CONFIRM = "wt_bevestigd"
CHANGE = "wt_wijzig"  # "Wat klopt er niet?", after "Iets aanpassen" at the summary
INDICATOR_IDS = [i["id"] for i in wt.rules()["indicatoren"]]
TASK_QUESTIONS = {"wt_taak", "wt_taaksoort"}  # a named task or a chosen kind both answer
# A message starting with one of these is a question, not a task description.
QUESTION_WORDS = {"wat", "wie", "hoe", "waar", "wanneer", "waarom", "welke", "welk", "kan", "kun", "mag", "moet",
                  "is", "zijn", "heb", "heeft", "wil", "klopt", "wordt", "what", "how", "who", "can"}
FACTS = ["taak", "taaksoort", "werkveld", "medewerker", "geregistreerd", "opleiding",
         "verantwoordelijke", "tenzij_grond", "onderwerp"]
# What "Iets aanpassen" at the summary clears, per part, so the form asks it again.
PARTS = {
    "taak": ["wt_taak", "wt_taaksoort", "wt_taak_omschrijving"],
    "medewerker": ["wt_medewerker", "wt_geregistreerd", "wt_opleiding", "wt_verantwoordelijke"],
    "werkveld": ["wt_werkveld"],
    "situatie": ["wt_signalen", "wt_ontkend", *(f"wt_{i}" for i in INDICATOR_IDS)],
    "reden": ["wt_tenzij_grond"],
}
# Facts about the task and the child; a new task starts without them.
TASK_SLOTS = [*PARTS["taak"], *PARTS["situatie"], "wt_tenzij_grond", "wt_onderwerp", CONFIRM, CHANGE, "wt_geraden"]


def slot_for_question(question: str) -> str:
    return "wt_" + question.removeprefix(wt.INDICATOR_VRAAG)


def situatie(slots: dict[str, Any]) -> wt.Situatie:
    return wt.Situatie(
        **{fact: slots.get(f"wt_{fact}") for fact in FACTS},
        antwoorden={i: slots[f"wt_{i}"] for i in INDICATOR_IDS if slots.get(f"wt_{i}")},
        signalen=list(slots.get("wt_signalen") or []),
        ontkend=list(slots.get("wt_ontkend") or []),
    )


def pending_fact(requested: str | None) -> str | None:
    if requested in TASK_QUESTIONS:
        return "taak"
    return requested.removeprefix("wt_") if requested else None


def facts_from_message(message: dict[str, Any], slots: dict[str, Any],
                       requested: str | None = None) -> dict[str, Any]:
    """Slot values stated in one message: buttons and yes/no intents first, then the text."""
    text = typed_text(message)
    pending = pending_fact(requested)
    known_worker = slots.get("wt_medewerker")
    lezing = werkgever.read(text, pending, medewerker=known_worker) if text else werkgever.Lezing()
    intent = (message.get("intent") or {}).get("name")
    if not text and intent in YES_NO and pending:  # a yes/no button
        _button_answer(lezing, pending, YES_NO[intent])
        if pending == "geregistreerd" and lezing.feiten.get(pending) == wt.JA and known_worker == werkgever.PARAMEDICUS:
            lezing.geraden.add(pending)  # none of the four BIG professions: SKJ? confirm at the summary
    if intent != "wt_correctie":
        _keep_what_is_known(lezing, slots, pending)
    for fact, value in button_entities(message, {*FACTS, "wijzig"}).items():
        if fact == "wijzig":
            return {slot: None for slot in PARTS.get(value, [])} | {CONFIRM: None, CHANGE: None}
        if fact == "taaksoort":
            lezing.feiten["taaksoort"] = value if value in wt.rules()["taaksoorten"] else None
        else:
            lezing.feiten[fact] = value
        lezing.geraden.discard(fact)
    return _as_slots(lezing, slots)


# Facts an answer to another question does not silently replace: "ik kan het niet inschatten" to
# the impact question is not the task "situatie inschatten". A correction or the summary does.
KNOWN = ("taak", "medewerker", "werkveld")


def _keep_what_is_known(lezing: werkgever.Lezing, slots: dict[str, Any], pending: str | None) -> None:
    """Only the question asked may change a known task, worker or workplace: "besluiten of er een
    verwijzing naar specialistische jeugdhulp komt" as the task is no new workplace (batch 7). The
    one exception errs on the safe side: a workplace other than a jeugdhulpaanbieder (a GI, a
    wijkteam), named with the task or the worker, replaces the one known."""
    if pending is None or pending in ("bevestigd", "wijzig"):
        return
    for fact in KNOWN:
        if fact == "werkveld" and lezing.feiten.get(fact) not in (None, "jeugdhulp") and pending in KNOWN:
            continue  # "... bij de GI" with the task or the worker: a stricter workplace still counts
        if fact != pending and slots.get(f"wt_{fact}") and fact in lezing.feiten:
            del lezing.feiten[fact]
            lezing.geraden.discard(fact)


def _button_answer(lezing: werkgever.Lezing, pending: str, answer: str) -> None:
    if pending in INDICATOR_IDS:
        lezing.antwoorden[pending] = answer
    elif pending in ("geregistreerd", "opleiding", "verantwoordelijke"):
        lezing.feiten[pending] = answer
    elif pending == "tenzij_grond" and answer != wt.JA:
        lezing.feiten[pending] = "geen"
    elif pending in ("bevestigd", "wijzig"):
        lezing.bevestigd = answer == wt.JA


def _as_slots(lezing: werkgever.Lezing, slots: dict[str, Any]) -> dict[str, Any]:
    updates: dict[str, Any] = {f"wt_{fact}": value for fact, value in lezing.feiten.items() if value}
    if "wt_medewerker" in updates and updates["wt_medewerker"] != slots.get("wt_medewerker"):
        # another worker: what was said about the earlier one no longer holds
        for slot in ("wt_geregistreerd", "wt_opleiding"):
            if slots.get(slot) is not None:
                updates.setdefault(slot, None)
    updates.update({f"wt_{i}": value for i, value in lezing.antwoorden.items()})
    signals, denied = set(slots.get("wt_signalen") or []), set(slots.get("wt_ontkend") or [])
    if lezing.signalen or lezing.ontkend:
        signals = (signals - set(lezing.ontkend)) | set(lezing.signalen)
        denied = (denied - set(lezing.signalen)) | set(lezing.ontkend)
        updates["wt_signalen"], updates["wt_ontkend"] = sorted(signals), sorted(denied)
    stated = {k.removeprefix("wt_") for k in updates}
    guessed = (set(slots.get("wt_geraden") or []) - stated) | lezing.geraden
    if guessed != set(slots.get("wt_geraden") or []):
        updates["wt_geraden"] = sorted(guessed)
    if lezing.bevestigd is not None:
        updates[CONFIRM] = lezing.bevestigd
    return updates


class ValidateWerktoedelingForm(EngineForm):
    """Fills the facts from each message, lets the engine choose the next question, and
    shows what it understood before it advises."""

    miss_slot = "wt_niet_begrepen"
    escape_intents = ESCAPE_INTENTS - {"start_werktoedeling", "werktoedeling_vraag"}
    # "ja haar expertise in lichaamsgericht werken" heard as start_route took an employer from the
    # middle of the check into the personal intake (development half, wg-e-018): only the button may
    button_only_escapes = {"start_route"}

    def name(self) -> str:
        return "validate_werktoedeling_form"

    def next_slot(self, slots: dict[str, Any]) -> str | None:
        advies = wt.evaluate(situatie(slots))
        if not advies.klaar:
            return slot_for_question(advies.volgende_vraag)
        if slots.get(CONFIRM) is None:
            return CONFIRM
        return None if slots.get(CONFIRM) else CHANGE  # "nee" at the summary: what is not right?

    def updates_from(self, message, slots, requested):
        updates = facts_from_message(message, slots, requested)
        if requested in TASK_QUESTIONS and typed_text(message):
            updates.setdefault("wt_taak_omschrijving", typed_text(message))
        if requested in (CONFIRM, CHANGE) and any(k not in (CONFIRM, CHANGE, "wt_geraden") for k in updates):
            updates[CONFIRM] = None  # a correction: show the summary again
            updates[CHANGE] = None
        return updates

    def an_answer_not_a_question(self, requested, intent, text):
        """"de koffie zetten voor het team" to "Om welke taak gaat het?" is a task the assistant
        does not know, not a question about the deskundigenteam: no question mark, no question word."""
        words = normalise(text).split()
        return (requested in TASK_QUESTIONS and intent == "faq" and "?" not in text and bool(words)
                and words[0] not in QUESTION_WORDS)

    def answered(self, requested, updates):
        if requested in TASK_QUESTIONS:  # a named task or a chosen kind both answer
            return bool(TASK_QUESTIONS & updates.keys())
        if requested == CONFIRM:
            return CONFIRM in updates or any(k not in (CONFIRM, "wt_geraden") for k in updates)
        if requested == CHANGE:
            return any(k not in (CONFIRM, CHANGE, "wt_geraden") for k in updates)
        return requested in updates

    def on_miss(self, dispatcher, requested, updates):
        if requested == "wt_taak":
            # Not a task we know: ask which kind of task it is instead.
            return [SlotSet(k, v) for k, v in updates.items()] + [SlotSet("requested_slot", "wt_taaksoort")]
        if requested == "wt_taaksoort" and updates.get("wt_taak_omschrijving"):
            # Described again in words, still no kind we know: a task the assistant does not know
            # (the rules hand it to the deskundigenteam), not "Dat begreep ik niet" (batch 3).
            return [SlotSet(k, v) for k, v in updates.items()] + [
                SlotSet("wt_taaksoort", "onbekend"), SlotSet(self.miss_slot, 0)]
        if requested.removeprefix("wt_") in INDICATOR_IDS and "wt_ontkend" in updates:
            # "Er is geen geweld": that one signal is denied; the question asks about the rest.
            return [SlotSet(k, v) for k, v in updates.items()] + [SlotSet(self.miss_slot, 0)]
        return None


class ActionAskIndicator(Action, abc.ABC):
    """An indicator question; after a partial denial it asks only about the other signals."""

    indicator = ""

    @abc.abstractmethod
    def name(self) -> str:
        """action_ask_wt_<indicator>"""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        data = wt.rules()
        covers = next(i["omvat"] for i in data["indicatoren"] if i["id"] == self.indicator)
        denied = [s for s in tracker.get_slot("wt_ontkend") or [] if s in covers]
        if not denied:
            dispatcher.utter_message(response=f"utter_ask_wt_{self.indicator}")
            return []
        names = [data["signalen"][s]["naam"] for s in covers if s not in denied]
        dispatcher.utter_message(
            response="utter_ask_wt_indicator_rest",
            # "geen crisis", not "geen een crisis"
            ontkend=", ".join(data["signalen"][s]["naam"].removeprefix("een ") for s in denied),
            rest=" of ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " of " + names[-1],
        )
        return []


class ActionAskOnveilig(ActionAskIndicator):
    indicator = "onveilig_of_risicovol"

    def name(self) -> str:
        return "action_ask_wt_onveilig_of_risicovol"


class ActionAskComplex(ActionAskIndicator):
    indicator = "complexe_problemen"

    def name(self) -> str:
        return "action_ask_wt_complexe_problemen"


class ActionAskWerktoedelingBevestigd(Action):
    """What the assistant understood, before it advises; each part can be corrected."""

    def name(self) -> str:
        return "action_ask_wt_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(
            text=werktoedeling_samenvatting(situatie(tracker.slots), tracker.get_slot("wt_taak_omschrijving"),
                                            set(tracker.get_slot("wt_geraden") or [])),
            buttons=[{"title": "Klopt", "payload": "/affirm"},
                     {"title": "Iets aanpassen", "payload": "/deny"}],
        )
        return []


class ActionWerktoedelingAdvies(Action):
    def name(self) -> str:
        return "action_werktoedeling_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        advies = wt.evaluate(situatie(tracker.slots))
        if not advies.klaar:  # a correction opened a new question; cleared so the form asks it
            return [SlotSet(slot_for_question(advies.volgende_vraag), None), FollowupAction(FORM)]
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


def has_advice(slots: dict[str, Any]) -> bool:
    return bool(slots.get(CONFIRM)) and wt.evaluate(situatie(slots)).klaar


class ActionWerktoedelingWaarom(Action):
    def name(self) -> str:
        return "action_werktoedeling_waarom"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        if not has_advice(tracker.slots):
            dispatcher.utter_message(response="utter_waarom_zonder_advies")
            return []
        advies = wt.evaluate(situatie(tracker.slots))
        dispatcher.utter_message(
            text=werktoedeling_waarom(advies, wt.rules()),
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
