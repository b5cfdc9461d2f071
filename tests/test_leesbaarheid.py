"""Every text the assistant shows stays at B1: short sentences, abbreviations explained.

Checked per message as the user sees it: every response in the domain, and the advice
messages the engines compose for every expert case in tests/cases. Knowledge fragments
(a route's `wat`, a rule's `waarom`) are checked for sentence length on their own too."""
import glob
from pathlib import Path

import pytest
import yaml

from bot import antwoorden, routes, werktoedeling
from bot.leesbaarheid import (afkortingenlijst, controleer, kennisteksten, vaktaal_zonder_uitleg, woorden,
                              zinnen)
from bot.loader import KENNIS_DIR

CASES = Path(__file__).parent / "cases"


def responses():
    for path in sorted(glob.glob("domain/*.yml")):
        domain = yaml.safe_load(open(path, encoding="utf-8"))
        for name, variants in (domain.get("responses") or {}).items():
            for variant in variants:
                if "text" in variant:
                    yield name, variant["text"]


def advice_messages():
    regels = werktoedeling.rules()
    for case in yaml.safe_load((CASES / "werktoedeling.yml").read_text(encoding="utf-8")):
        advies = werktoedeling.evaluate(werktoedeling.Situatie(**case["gegeven"]))
        if advies.klaar:  # "Waarom?" follows the advice: read as one conversation
            yield f"werktoedeling: {case['naam']}", "\n".join(
                [antwoorden.werktoedeling_tekst(advies), antwoorden.werktoedeling_waarom(advies, regels)])
        situatie = werktoedeling.Situatie(**case["gegeven"])
        yield f"samenvatting: {case['naam']}", antwoorden.werktoedeling_samenvatting(
            situatie, "mijn eigen omschrijving", set(case["gegeven"]))
    for case in yaml.safe_load((CASES / "routes.yml").read_text(encoding="utf-8")):
        advies = routes.advise(routes.Profiel(**case["gegeven"]))
        if advies.klaar:  # "Kosten en duur" follows the advice
            yield f"route: {case['naam']}", "\n".join(
                [antwoorden.route_tekst(advies), antwoorden.route_kosten_duur(advies)])
        yield f"route-samenvatting: {case['naam']}", antwoorden.route_samenvatting(
            routes.Profiel(**case["gegeven"]), set(case["gegeven"]))


def knowledge_fragments():
    for path in sorted(KENNIS_DIR.glob("*.yml")):
        if path.stem not in {"afkortingen", "bronnen", "faq", "knoppen"}:
            yield from kennisteksten(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)


MESSAGES = list(responses()) + list(advice_messages())
FRAGMENTS = list(knowledge_fragments())


def test_there_are_texts_to_check():
    assert len(MESSAGES) > 120 and len(FRAGMENTS) > 100


@pytest.mark.parametrize("where,text", MESSAGES, ids=[w for w, _ in MESSAGES])
def test_message_is_b1(where, text):
    problems = controleer(where, text, afkortingenlijst())
    assert not problems, "\n".join(p.wat for p in problems)


@pytest.mark.parametrize("where,text", FRAGMENTS, ids=[w for w, _ in FRAGMENTS])
def test_knowledge_sentences_are_short(where, text):
    problems = controleer(where, text, None)
    assert not problems, "\n".join(p.wat for p in problems)


def knowledge_names():
    """Names from the knowledge files (a task, a diploma, a topic, a route): a summary line
    shows a name on its own, so a source term in it is explained in the name itself."""
    def names(node, plek):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "naam" and isinstance(value, str):
                    yield f"{plek}.naam", value
                else:
                    yield from names(value, f"{plek}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from names(value, f"{plek}[{i}]")

    for path in sorted(KENNIS_DIR.glob("*.yml")):
        if path.stem not in {"afkortingen", "bronnen", "faq", "knoppen"}:
            yield from names(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)


NAMES = list(knowledge_names())


@pytest.mark.parametrize("where,text", MESSAGES + NAMES, ids=[w for w, _ in MESSAGES + NAMES])
def test_source_jargon_in_an_answer_is_explained(where, text):
    """Review 3, finding 28, and the issue 16 audit, items 55-59: 'niet vrij toegankelijke
    hulp', 'casusregie', 'hsao', 'vakbekwaam' and 'Basisaantekening (psycho)diagnostiek' come
    with plain words, in every answer, advice message and summary line."""
    assert not vaktaal_zonder_uitleg(text)


def test_the_jargon_check_catches_each_term_without_its_plain_words():
    for kaal, uitgelegd in [
        ("Mag zij besluiten over niet vrij toegankelijke jeugdhulp?",
         "Besluiten over jeugdhulp waarvoor een verwijzing of beschikking nodig is (niet vrij toegankelijke jeugdhulp)."),
        ("Zij voert de casusregie.", "Zij voert de regie over een gezin (casusregie)."),
        ("Je hebt een hsao-diploma.", "Je hebt een hbo-diploma sociaal-agogisch (hsao)."),
        ("De medewerker moet vakbekwaam zijn.", "De medewerker heeft de kennis en vaardigheden (vakbekwaam)."),
        ("Je hebt de Basisaantekening diagnostiek nodig.",
         "Je hebt de Basisaantekening diagnostiek nodig. Dat is een aantekening van de beroepsvereniging."),
    ]:
        assert vaktaal_zonder_uitleg(kaal), kaal
        assert not vaktaal_zonder_uitleg(uitgelegd), uitgelegd
    assert not vaktaal_zonder_uitleg("Met een vakbekwaamheidsbewijs kun je je registreren.")
    assert vaktaal_zonder_uitleg("Zij voert de casusregie.\nBronnen:\n- regie over iets (2018)")


def test_the_check_catches_long_sentences_and_unexplained_abbreviations():
    lijst = afkortingenlijst()
    assert controleer("x", "Dit is een hele lange zin " * 5 + ".", lijst)
    assert controleer("x", "Je hebt een VOG nodig.", lijst)
    assert not controleer("x", "Je hebt een verklaring omtrent het gedrag (VOG) nodig.", lijst)
    assert controleer("x", "Vraag het aan XYZ.", lijst)


def test_sentences_split_on_lines_and_list_items():
    assert zinnen("Eerst dit.\n- een punt\n1. nog een") == ["Eerst dit.", "een punt", "nog een"]
    assert woorden("Kost € 65 per jaar") == 5
