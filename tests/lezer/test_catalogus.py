"""Catalogue words in other forms, other order, with typos; negation per mention."""
import pytest

from bot.lezer.catalogus import catalogus
from bot.lezer.tekst import normalise

CAT = catalogus({
    "rapportage_uitwerken": ["rapportages uitwerken", "verslagen uitwerken"],
    "notuleren": ["notuleren"],
    "stagiair": ["stagiaire", "stagiair"],
    "begeleider": ["begeleider"],
    "begeleiden": ["begeleiden"],
    "jeugdzorg": ["jeugdzorg"],
    "plan_vaststellen": ["plan vaststellen"],
    "geweld": ["geweld"],
    "crisis": ["crisis"],
})


@pytest.mark.parametrize("text,item", [
    ("ze werkt de rapportages uit", "rapportage_uitwerken"),     # separable verb
    ("uitwerken van de rapportages", "rapportage_uitwerken"),    # other order
    ("verslag uitwerken", "rapportage_uitwerken"),               # singular
    ("onze stagaire", "stagiair"),                               # typo
    ("zij notuleert", "notuleren"),                              # verb form
    ("zij begeleidt het gezin", "begeleiden"),
    ("onze begeleider", "begeleider"),                           # a Dutch word is not a typo of another
    ("werkt in de jeugzorg", "jeugdzorg"),
    ("de gw stelt het plan vast", "plan_vaststellen"),
])
def test_finds_the_item(text, item):
    assert CAT.first(text).item == item


def test_a_typo_is_marked_as_guessed():
    assert CAT.first("onze stagaire").zeker is False
    assert CAT.first("onze stagiaire").zeker is True


@pytest.mark.parametrize("text,negated", [
    ("er is geen geweld", {"geweld"}),
    ("geen geweld, wel een crisis", {"geweld"}),
    ("geen geweld of crisis", {"geweld", "crisis"}),
    ("geen signalen van onveiligheid of crisis", {"crisis"}),  # "of" does not use up the window
    ("er is geen sprake van geweld", {"geweld"}),
    ("geweld speelt niet", {"geweld"}),
    ("er is een crisis", set()),
])
def test_negation_counts_per_mention(text, negated):
    found = {v.item for v in CAT.find_all(text) if v.negated}
    assert found == negated


def test_quotes_around_words_go_but_an_apostrophe_in_a_word_stays():
    assert normalise("'onder verantwoordelijkheid' van een pm'er") == "onder verantwoordelijkheid van een pm'er"


def test_normalise_keeps_clause_breaks_and_decimals():
    assert normalise("SKJ-geregistreerd, maar zij niet. 2,5 jr") == "skj geregistreerd | maar zij niet | 2_5 jr"
