"""The two-stage fallback: which stage, which buttons."""
from bot.fallback import (
    STAGE_HANDOFF,
    STAGE_REPHRASE,
    consecutive_misses,
    fallback_reply,
)


def test_no_earlier_fallback_counts_zero():
    assert consecutive_misses(["utter_welkom", "utter_help", None]) == 0


def test_counts_only_the_unbroken_run_at_the_end():
    turns = ["action_fallback", "utter_help", "action_fallback", "action_fallback", None]
    assert consecutive_misses(turns) == 2


def test_first_miss_offers_top_two_guesses_and_an_escape():
    reply = fallback_reply(["nlu_fallback", "start_route", "affirm", "help", "greet"], 0)
    assert reply.response == STAGE_REPHRASE
    assert [b.payload for b in reply.buttons] == ["/start_route", "/help", "/vraag_stellen"]
    assert reply.buttons[0].title == "Ik wil in de jeugdzorg werken"


def test_faq_guesses_use_their_full_retrieval_name():
    reply = fallback_reply(["faq/wat_is_skj", "start_werktoedeling"], 0)
    assert [b.payload for b in reply.buttons][:2] == ["/faq/wat_is_skj", "/start_werktoedeling"]


def test_without_usable_guesses_the_entry_points_are_offered():
    reply = fallback_reply(["nlu_fallback", "affirm", "deny"], 0)
    assert [b.payload for b in reply.buttons] == [
        "/start_route", "/start_werktoedeling", "/vraag_stellen"
    ]


def test_the_escape_is_never_doubled_as_a_guess():
    reply = fallback_reply(["vraag_stellen", "help", "start_route"], 0)
    assert [b.payload for b in reply.buttons] == ["/help", "/start_route", "/vraag_stellen"]


def test_second_miss_in_a_row_offers_the_deskundigenteam():
    reply = fallback_reply(["start_route", "help"], 1)
    assert reply.response == STAGE_HANDOFF
    assert [b.payload for b in reply.buttons] == ["/mens_spreken", "/vraag_stellen"]
