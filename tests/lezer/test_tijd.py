"""Durations, years ago and number words, as people type them (today fixed at 2026-12-03)."""
import datetime

import pytest

from bot.lezer.tijd import duration, number_word, years_ago

TODAY = datetime.date(2026, 12, 3)

DURATIONS = [
    ("sinds acht maanden", 8), ("ja, sinds 8 maanden", 8), ("anderhalf jaar", 18), ("ruim 2 jr", 25),
    ("sinds 2019", 89), ("net begonnen", 1), ("bijna een jaar", 11), ("een half jaar", 6),
    ("twee en een half jaar", 30), ("tweeënhalf jaar", 30), ("sinds september", 3), ("sinds maart 2025", 21),
    ("3 jaar", 36), ("ik werk er 15 jaar", 180), ("ruim een jaar", 13), ("2,5 jaar", 30),
    ("6 mnd", 6), ("twaalf maanden", 12), ("een jaar of drie", None), ("sinds dit jaar", 11),
]


@pytest.mark.parametrize("text,months", DURATIONS)
def test_duration_in_months(text, months):
    found = duration(text, TODAY)
    if months is None:
        return  # vague on purpose: any reading is acceptable, it is only used as a hint
    assert found is not None and found.maanden == pytest.approx(months, abs=0.5)


@pytest.mark.parametrize("text", ["al jaren", "een paar maanden", "sinds vorig jaar"])
def test_vague_durations_are_not_certain(text):
    assert duration(text, TODAY).zeker is False


@pytest.mark.parametrize("text", ["5 jaar geleden", "hbo pedagogiek", "ja"])
def test_no_duration(text):
    assert duration(text, TODAY) is None


@pytest.mark.parametrize("text,years", [
    ("in 2015", 11.4), ("3 jaar geleden", 3), ("vorig jaar", 1), ("net afgestudeerd", 0),
    ("juni 2021", 5.5), ("afgestudeerd in 2023", 3.4), ("twee jaar geleden", 2),
])
def test_years_ago(text, years):
    assert years_ago(text, TODAY)[0] == pytest.approx(years, abs=0.1)


def test_long_ago_is_old_but_not_exact():
    years, sure = years_ago("heel lang geleden", TODAY)
    assert years > 5 and sure is False


@pytest.mark.parametrize("word,value", [
    ("acht", 8), ("eenentwintig", 21), ("tweeenhalf", 2.5), ("anderhalf", 1.5), ("2,5", 2.5), ("12", 12),
    ("vijfenveertig", 45), ("dertig", 30),
])
def test_number_words(word, value):
    assert number_word(word) == value
