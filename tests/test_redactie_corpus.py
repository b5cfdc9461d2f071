"""The redaction corpus (issue 9): size, balance, and how well bot.privacy does on it."""
from pathlib import Path

import pytest

from bot.privacy import redact
from bot.privacy_meting import LABELS, expected_spans, load, meet, tabel

CORPUS = Path(__file__).parent / "privacy" / "redactie_corpus.yml"


@pytest.fixture(scope="module")
def corpus():
    return load(CORPUS)


@pytest.fixture(scope="module")
def meting(corpus):
    return meet(corpus)


def test_corpus_is_large_balanced_and_well_formed(corpus):
    assert len(corpus) >= 300
    near_misses = [r for r in corpus if not r["verwacht"]]
    assert len(near_misses) >= len(corpus) / 3
    assert len({r["tekst"] for r in corpus}) == len(corpus), "duplicate lines"
    for regel in corpus:
        assert set(regel) <= {"tekst", "verwacht", "bekende_beperking"}, regel
        assert all(label in LABELS for label, _ in regel["verwacht"]), regel
        expected_spans(regel["tekst"], regel["verwacht"])  # every expected value is in its text
    assert {label for r in corpus for label, _ in r["verwacht"]} == set(LABELS)


def test_recall_and_precision(meting):
    assert meting.recall() >= 0.99, tabel(meting)
    assert meting.precision() >= 0.97, tabel(meting)


def test_no_expected_value_survives_redaction(corpus):
    survivors = [(r["tekst"], value) for r in corpus if "bekende_beperking" not in r
                 for _, value in r["verwacht"] if value in redact(r["tekst"])]
    assert not survivors


def test_known_limitations_are_few_and_really_missed(corpus):
    known = [r for r in corpus if "bekende_beperking" in r]
    assert len(known) <= 0.01 * len(corpus)
    for regel in known:  # when the redactor learns one, drop its note
        assert any(value in redact(regel["tekst"]) for _, value in regel["verwacht"]), regel["tekst"]
