"""Consistency of the domain: every response is reachable, every button label real."""
import re
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.loader import load

ROOT = Path(__file__).parent.parent
# Responses Rasa itself utters: action_restart says utter_restart.
SAID_BY_RASA = {"utter_restart"}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain")


def sources_mentioning(name: str) -> bool:
    files = [*ROOT.glob("data/**/*.yml"), *ROOT.glob("actions/*.py"), *ROOT.glob("bot/**/*.py")]
    return any(re.search(rf"\b{re.escape(name)}\b", f.read_text(encoding="utf-8")) for f in files)


def test_every_response_is_used(domain):
    form_questions = {f"utter_ask_{s.name}" for s in domain.slots}
    unused = [
        name for name in domain.responses
        if name not in SAID_BY_RASA
        and name not in form_questions  # a form asks for slot X with utter_ask_X
        and not name.startswith("utter_faq/")  # uttered through the faq rule
        and not sources_mentioning(name)
    ]
    assert unused == []


def test_every_button_label_is_a_known_intent_or_answer(domain):
    for key in load("knoppen"):
        if key.startswith("faq/"):
            assert f"utter_{key}" in domain.responses, key
        else:
            assert key in domain.intents, key


def test_crisis_message_gives_both_numbers(domain):
    [variant] = domain.responses["utter_crisis"]
    assert "112" in variant["text"] and "0800-2000" in variant["text"]


def test_every_faq_answer_names_its_source(domain):
    faq = {k: v for k, v in domain.responses.items() if k.startswith("utter_faq/")}
    assert faq
    for name, variants in faq.items():
        for variant in variants:
            assert "Bron:" in variant["text"], name


def test_every_faq_answer_has_registered_sources(domain):
    from bot.bronnen import registry

    sources = load("faq")
    answers = {k.removeprefix("utter_faq/") for k in domain.responses if k.startswith("utter_faq/")}
    assert answers == set(sources), "every answer needs an entry in bot/kennis/faq.yml"
    for answer, keys in sources.items():
        assert keys and set(keys) <= set(registry()), answer


def faq_text(domain, name: str) -> str:
    return "\n".join(variant["text"] for variant in domain.responses[f"utter_faq/{name}"])


def test_no_text_says_the_team_is_reachable_through_the_website(domain):
    """Review 3, finding 15: no contact route for the deskundigenteam is in the sources
    (kennisbank §7.5, publieke-bronnen D); the website is only where to read about the programme."""
    for name, variants in domain.responses.items():
        for variant in variants:
            for zin in re.split(r"(?<=[.!?])\s+|\n+", variant.get("text") or ""):
                if "allekansenbenut.nl" in zin.lower():
                    assert "team" not in zin.lower(), f"{name}: {zin}"


def test_the_team_is_free_for_organisations_and_nothing_is_promised_to_individuals(domain):
    """Review 3, finding 27: free of charge for organisations [000 L82-84]; the sources say
    nothing about individuals (README)."""
    for name in ("deskundigenteam", "wat_is_allekansenbenut"):
        text = faq_text(domain, name)
        assert "Voor organisaties is dat gratis." in text and "Dat is gratis." not in text, name


def test_who_must_register_says_how_to_work_until_registered(domain):
    """Review 3, finding 16: until registered, registration tasks only in close cooperation
    with a registered professional (kennisbank §2.13 R35, §2.12 point 6)."""
    assert "alleen in nauwe samenwerking met een geregistreerde professional" in faq_text(
        domain, "wie_moet_registreren")


def test_tuchtrecht_says_what_the_source_says_about_the_job(domain):
    """Review 3, finding 25: that tuchtrecht can remove you from your job 'klopt niet'
    (kennisbank §3.6)."""
    text = faq_text(domain, "tuchtrecht")
    assert "niet uit je baan zetten" in text
    assert "staat niet in onze bronnen" not in text


def test_gi_answer_gives_final_responsibility_as_a_quote_from_an_unnamed_report(domain):
    """Review 3, finding 22: the report has no author (kennisbank §0.1); final responsibility
    is a supporter's quote, not a rule text (§2.11 R30)."""
    text = faq_text(domain, "functiedifferentiatie_gi")
    assert "Volgens een ondersteuner in het rapport" in text
    assert "De jeugdbeschermer blijft eindverantwoordelijk" not in text
    assert "Jeugdzorg werkt!" not in text


def test_source_titles_and_urls_are_what_a_user_can_look_up():
    """Review 3, findings 20-22: the SKJ page with the indicators was seen only on a mirror
    host (publieke-bronnen §0), so it has no url; the psychologists' page is not the
    pedagogues' url; the internal list of open questions is not shown as a source; the GI
    report is not attributed to Jeugdzorg werkt! (kennisbank §0.1)."""
    from bot.bronnen import registry

    sources = registry()
    assert "url" not in sources["skj_registratie_jgp"]
    for key, source in sources.items():
        titel, url = source["titel"].lower(), source.get("url", "")
        assert "savviihq" not in url, key
        assert not ("/pedagogen/" in url and "psycholog" in titel), key
        assert "kennisbank" not in titel, key
    assert "niet duidelijk in onze bronnen" in sources["kennisbank_open_vragen"]["titel"]
    assert "jeugdzorg werkt" not in sources["ondersteunende_functies_gi"]["titel"].lower()
