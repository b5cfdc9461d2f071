"""The fallback action reads the tracker correctly and returns the chosen stage."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionBuitenBereik, ActionFallback, ActionNaCrisis, ActionVeelgesteldeVraag


def user(text, intent, ranking=()):
    return {
        "event": "user",
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": 0.4},
            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
            "entities": [],
        },
    }


def action(name):
    return {"event": "action", "name": name}


def tracker(events):
    latest = next(e["parse_data"] for e in reversed(events) if e["event"] == "user")
    return Tracker("test", {}, latest, events, False, None, {}, "action_listen")


async def run(events):
    dispatcher = CollectingDispatcher()
    result = await ActionFallback().run(dispatcher, tracker(events), {})
    assert result == [{"event": "rewind", "timestamp": None}]  # the message is taken back
    return dispatcher.messages


@pytest.mark.asyncio
async def test_first_fallback_rephrases_with_guesses():
    events = [
        action("action_listen"),
        user("ik wil wat", "nlu_fallback", [("nlu_fallback", 0.5), ("start_route", 0.3), ("help", 0.1)]),
    ]
    [message] = await run(events)
    assert message["response"] == "utter_fallback_herformuleer"
    assert [b["payload"] for b in message["buttons"]] == ["/start_route", "/help", "/vraag_stellen"]


@pytest.mark.asyncio
async def test_second_fallback_in_a_row_offers_the_team():
    events = [
        user("iets", "nlu_fallback"),
        action("action_fallback"),
        action("action_listen"),
        user("nog iets", "nlu_fallback", [("nlu_fallback", 0.5), ("start_route", 0.3)]),
    ]
    [message] = await run(events)
    assert message["response"] == "utter_fallback_deskundigenteam"


@pytest.mark.asyncio
async def test_an_understood_turn_in_between_resets_the_count():
    events = [
        user("iets", "nlu_fallback"),
        action("action_fallback"),
        action("action_listen"),
        user("help", "help"),
        action("utter_help"),
        action("action_listen"),
        user("vaag", "nlu_fallback", [("nlu_fallback", 0.5), ("help", 0.3)]),
    ]
    [message] = await run(events)
    assert message["response"] == "utter_fallback_herformuleer"


@pytest.mark.asyncio
async def test_faq_ranking_is_resolved_to_the_selected_answer():
    events = [user("skj", "nlu_fallback", [("nlu_fallback", 0.5), ("faq", 0.3)])]
    events[0]["parse_data"]["response_selector"] = {
        "default": {"response": {"intent_response_key": "faq/wat_is_skj"}}
    }
    [message] = await run(events)
    assert message["buttons"][0]["payload"] == "/faq/wat_is_skj"


async def run_action(action, text, intent, **parse):
    """The events and messages of one action on a first message outside any form."""
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], **parse}
    dispatcher = CollectingDispatcher()
    tracker_ = Tracker("test", {}, message, [], False, None, {}, "action_listen")
    return await action.run(dispatcher, tracker_, {}), dispatcher.messages


async def run_out_of_scope(text):
    return await run_action(ActionBuitenBereik(), text, "out_of_scope")


@pytest.mark.asyncio
async def test_out_of_scope_full_of_a_flows_facts_starts_that_flow():
    """A gemeente's demand read as out of scope was never answered (issue 15)."""
    events, said = await run_out_of_scope(
        "de gemeente heeft in het contract gezet dat alle begeleiders skj moeten hebben, mag ik mijn mbo'ers nog inzetten?")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}] and said == []


@pytest.mark.asyncio
async def test_a_task_asked_about_starts_the_check_even_without_a_known_worker():
    """Blind development half (wg-r-003): a task and "mag zij" got "daar kan ik niet mee helpen"."""
    events, said = await run_out_of_scope("Mag zij de rapportage voor de rechter schrijven, die de jeugdbeschermer tekent?")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}] and said == []


@pytest.mark.asyncio
async def test_a_cue_alone_stays_out_of_scope():
    events, said = await run_out_of_scope("onze dochter van 6 heeft moeite met regels, waar vind ik opvoedhulp?")
    assert events == [] and [m["response"] for m in said] == ["utter_out_of_scope"]


async def run_faq(text, answer="faq/wat_is_skj"):
    # as Rasa 3.6 files the answer: under "default" (the selector names no retrieval intent)
    selector = {"all_retrieval_intents": ["faq"],
                "default": {"response": {"intent_response_key": answer, "utter_action": f"utter_{answer}"}}}
    return await run_action(ActionVeelgesteldeVraag(), text, "faq", response_selector=selector)


@pytest.mark.asyncio
async def test_a_question_on_an_open_topic_is_not_answered_as_an_faq():
    """A NIP registration is the deskundigenteam's topic (§6.25), not "wat is SKJ" (issue 15)."""
    events, said = await run_faq(
        "moet onze gedragswetenschapper nou in het skj? ze heeft een NIP-registratie als kinder- en jeugdpsycholoog")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}] and said == []


@pytest.mark.asyncio
async def test_an_ordinary_question_gets_the_selected_answer():
    events, said = await run_faq("wat is dat skj eigenlijk")
    assert events == [] and [m["response"] for m in said] == ["utter_faq/wat_is_skj"]


@pytest.mark.asyncio
async def test_a_task_with_a_worker_heard_as_an_faq_starts_the_check():
    events, said = await run_faq(
        "onze bbl-stagiair zit niet in een skj traject, moet er dan bij alles een geregistreerde naast staan? "
        "hij helpt op de woongroep met koken")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}] and said == []


@pytest.mark.asyncio
async def test_a_question_with_own_route_facts_gets_the_answer_then_the_personal_route():
    """Development half (zi-f-012): a registered person asking how to stay registered and grow got
    only the FAQ answer, no route. The answer comes first, then the intake with what was told."""
    events, said = await run_faq(
        "ik heb hbo pedagogiek profiel jeugd en sta sinds 2022 in het skj, hoe zit het met herregistratie?",
        answer="faq/herregistratie")
    assert [m["response"] for m in said] == ["utter_faq/herregistratie"]
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}]
    events, said = await run_faq("mijn herregistratie is afgewezen, ik wil weer aan het werk. wat nu?",
                                 answer="faq/herregistratie")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}]
    events, said = await run_faq("hoe werkt herregistratie eigenlijk?", answer="faq/herregistratie")
    assert events == [] and [m["response"] for m in said] == ["utter_faq/herregistratie"]


@pytest.mark.asyncio
async def test_a_more_specific_question_wins_over_the_selected_faq_answer():
    """"is skj een vakbond?" was answered with "wat is SKJ" (issue 16)."""
    events, said = await run_faq("is skj een vakbond?", answer="faq/wat_is_skj")
    assert [m["response"] for m in said] == ["utter_faq/skj_en_beroepsvereniging"]


@pytest.mark.asyncio
async def test_small_talk_heard_as_out_of_scope_gets_a_friendly_answer():
    events, said = await run_out_of_scope("je snapt me niet")
    assert events == [] and [m["response"] for m in said] == ["utter_frustratie"]


@pytest.mark.asyncio
async def test_small_talk_the_classifier_did_not_understand_gets_a_friendly_answer():
    events = [user("je snapt me niet", "nlu_fallback", [("nlu_fallback", 0.5), ("out_of_scope", 0.3)])]
    events[0]["parse_data"]["text"] = "je snapt me niet"  # the latest message as Rasa sends it
    dispatcher = CollectingDispatcher()
    result = await ActionFallback().run(dispatcher, tracker(events), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_frustratie"]
    assert result == [{"event": "rewind", "timestamp": None}]


@pytest.mark.asyncio
async def test_after_the_crisis_message_an_employer_question_starts_its_check():
    events, said = await run_action(ActionNaCrisis(), "onze zzp'er wil een gezin oppakken waar de kinderen "
                                    "verwaarloosd worden, ze is niet geregistreerd. kan dat?", "crisis")
    assert events == [{"event": "followup", "timestamp": None, "name": "action_opening"}] and said == []
    events, said = await run_action(ActionNaCrisis(), "mijn buurjongen wordt geslagen", "crisis")
    assert events == [] and said == []
