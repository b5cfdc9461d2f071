"""The two-stage fallback action; the decision itself lives in bot.fallback."""
from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.formulier import typed_text
from actions.opening import employer_facts, flow_facts, own_facts
from bot.fallback import consecutive_misses, fallback_reply
from bot import vragen
from bot.lezer import doelgroep
from bot.lezer.tekst import normalise


def first_actions_per_turn(events: list[dict[str, Any]]) -> list[str | None]:
    """For each user message, the first action that followed it (None if none yet)."""
    firsts: list[str | None] = []
    for event in events:
        if event.get("event") == "user":
            firsts.append(None)
        elif event.get("event") == "action" and firsts and firsts[-1] is None:
            name = event.get("name")
            if name != "action_listen":
                firsts[-1] = name
    return firsts


def selected_answer(latest_message: dict[str, Any]) -> str | None:
    """The FAQ answer the response selector chose ("faq/wat_is_skj"). Rasa files it under the
    selector's retrieval intent, or under "default" when the selector names none (ours)."""
    selectors = latest_message.get("response_selector") or {}
    selector = selectors.get("faq") or selectors.get("default") or {}
    return selector.get("response", {}).get("intent_response_key")


def ranked_intents(latest_message: dict[str, Any]) -> list[str]:
    """Intent names from the NLU ranking, with `faq` resolved to its best answer."""
    names = []
    for entry in latest_message.get("intent_ranking", []):
        name = entry.get("name")
        if name == "faq":
            name = selected_answer(latest_message) or name
        names.append(name)
    return names


def opens_a_flow(tracker: Tracker) -> bool:
    message = tracker.latest_message
    facts = flow_facts(message, tracker.slots)
    return doelgroep.choose_flow(typed_text(message), None, employer_facts(facts["werktoedeling"]),
                                 own_facts(facts["route"])) is not None


def clearly_a_question_for_us(tracker: Tracker) -> bool:
    """Facts only this assistant's flows use, however the classifier read the message: an open
    werktoedeling topic ("de gemeente eist dat iedereen skj heeft"), a task with a worker, or
    two facts of a person's own route. A cue such as "onze" alone is not enough ("onze dochter
    heeft moeite met regels" stays out of scope)."""
    facts = flow_facts(tracker.latest_message, tracker.slots)
    return (an_employer_question(facts["werktoedeling"]) or tells_own_route(facts["route"])
            or a_task_asked_about(facts["werktoedeling"], typed_text(tracker.latest_message)))


PERMISSION = re.compile(r"\b(mag|mogen|kan|kunnen|moet|moeten)\b(?! ik\b)")


def a_task_asked_about(employer: dict[str, Any], text: str) -> bool:
    """A task and a question whether someone may do it ("mag zij de rapportage voor de rechter
    schrijven?"), not about the writer ("mag ik ..."): a question for the check even without a
    worker we know (blind development half, wg-r-003: answered "daar kan ik niet mee helpen")."""
    return bool(employer.get("wt_taak") and PERMISSION.search(normalise(text)))


def tells_own_route(own: dict[str, Any]) -> bool:
    """Two facts of the writer's own route in the message (registration, diploma, wish, work), or
    their own registration lapsed ("ik ben mijn skj kwijt"): that always needs a personal route.
    `own`: the route facts of the message (flow_facts(...)["route"])."""
    return own.get("rt_registratie") == "verlopen" or sum(
        1 for s in ("rt_registratie", "rt_diploma", "rt_ambitie", "rt_werkervaring_maanden") if own.get(s)) >= 2


def an_employer_question(employer: dict[str, Any]) -> bool:
    """An open werktoedeling topic, or a task with a worker."""
    return bool(employer.get("wt_onderwerp") or (employer.get("wt_taak") and employer.get("wt_medewerker")))


def to_the_opening(tracker: Tracker) -> list[dict[str, Any]]:
    """Outside a form, a message full of a flow's facts starts that flow (action_opening)."""
    if tracker.active_loop_name is None and clearly_a_question_for_us(tracker):
        return [FollowupAction("action_opening")]
    return []


class ActionBuitenBereik(Action):
    """Out of scope by the classifier; but a message full of the flows' facts is a question for
    us (the blind scenarios: a gemeente's demand, read as out of scope, was never answered)."""

    def name(self) -> str:
        return "action_buiten_bereik"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        opening = to_the_opening(tracker)
        if not opening:
            dispatcher.utter_message(response=vragen.recognised(typed_text(tracker.latest_message))
                                     or "utter_out_of_scope")
        return opening


class ActionNaCrisis(Action):
    """After the crisis message: an employer's question in the same message ("onze zzp'er wil een
    gezin oppakken waar de kinderen verwaarloosd worden, kan dat?") still gets its check, so the
    person does not have to ask again (issue 17: the crisis message first, then the flow)."""

    def name(self) -> str:
        return "action_na_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return to_the_opening(tracker)


class ActionVeelgesteldeVraag(Action):
    """The FAQ answer the response selector chose; but a question on a topic the sources leave
    open ("ze heeft een NIP-registratie, moet ze ook in SKJ?") is a case for the deskundigenteam,
    and a task with a worker ("moet er bij alles wat onze bbl'er doet een geregistreerde naast
    staan? hij helpt met koken") is a case for the check, not a general answer about SKJ
    (issue 15: handoff topics and werktoedeling questions answered as an FAQ)."""

    def name(self) -> str:
        return "action_veelgestelde_vraag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        facts = flow_facts(tracker.latest_message, tracker.slots)
        employer = facts["werktoedeling"]
        if tracker.active_loop_name is None and an_employer_question(employer):
            return [FollowupAction("action_opening")]
        answer = selected_answer(tracker.latest_message)
        # "is skj een vakbond?" has its own answer, not "wat is skj"; never silent without one
        specific = vragen.answer_for(typed_text(tracker.latest_message))
        dispatcher.utter_message(response=specific or (f"utter_{answer}" if answer else "utter_out_of_scope"))
        if tracker.active_loop_name is None and tells_own_route(facts["route"]):
            # "ik heb sw profiel jeugd en sta sinds vorig jaar in het register, hoe blijf ik
            # geregistreerd en hoe groei ik verder?": the answer, then the personal route from the
            # facts already told, so nothing is asked twice (development half, zi-f-012)
            return [FollowupAction("action_opening")]
        return []


class ActionFallback(Action):
    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.active_loop_name is None and opens_a_flow(tracker):
            # Not a question the classifier knows, but facts that fit a flow ("hbo
            # pedagogiek, 3 jaar ervaring in de gehandicaptenzorg"): start that flow.
            return [FollowupAction("action_opening")]
        known = vragen.recognised(typed_text(tracker.latest_message))
        if known and tracker.active_loop_name is None:
            dispatcher.utter_message(response=known)  # a question or small talk without an NLU label
            return [UserUtteranceReverted()]  # as below: the next prediction is "listen"
        earlier = consecutive_misses(first_actions_per_turn(tracker.events)[:-1])
        reply = fallback_reply(ranked_intents(tracker.latest_message), earlier)
        buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        dispatcher.utter_message(response=reply.response, buttons=buttons)
        # Like Rasa's default fallback: the message not understood is taken back, so the
        # next prediction is "listen". Without it the core fallback (an intent with no
        # rule at this point) predicts itself again and again until Rasa's circuit breaker.
        return [UserUtteranceReverted()]
