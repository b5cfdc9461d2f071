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
    files = [*ROOT.glob("data/**/*.yml"), *ROOT.glob("actions/*.py"), *ROOT.glob("bot/**/*.py"),
             *ROOT.glob("bot/kennis/*.yml")]  # vragen.yml names answers recognised by their words
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
    assert "alleen nog doen in nauwe samenwerking met een geregistreerde professional" in faq_text(
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


# Issue 16 audit (scenario-werk/issue16_dekking.md), part A: answers that were fixed without a
# test. Each assertion names the sentence that fixed the finding, so removing it fails.

def test_praktijkprogramma_names_the_way_for_zzpers(domain):
    """Audit items 36 and 45: the praktijkprogramma is followed at the employer or
    opdrachtgever; zzp'ers at a hogeschool or a commercial provider (publieke-bronnen B.4)."""
    text = faq_text(domain, "praktijkprogramma")
    assert "bij je werkgever of opdrachtgever" in text
    assert "Ben je zzp'er? Dan kun je een praktijkprogramma volgen bij een hogeschool of een " \
           "commerciële aanbieder." in text


def test_vog_answer_says_how_to_get_one_from_abroad(domain):
    """Audit item 39: living abroad and working in the Netherlands, the VOG is requested via
    Dienst Justis with SKJ's VOG form (publieke-bronnen B.7)."""
    assert "Woon je in het buitenland en werk je in Nederland? Dan vraag je de VOG aan bij " \
           "Dienst Justis, met het VOG-formulier van SKJ." in faq_text(domain, "vog")


def test_vog_three_months_only_for_psychologists_and_pedagogues(domain):
    """Audit item 48: 'niet ouder dan 3 maanden' is on the pages of the kamers Psychologen and
    Pedagogen only (publieke-bronnen B.1); the answer says so, and nothing else about 3 months."""
    text = faq_text(domain, "vog")
    assert "Voor psychologen en pedagogen mag die niet ouder zijn dan 3 maanden." in text
    for zin in re.split(r"(?<=[.!?])\s+|\n+", text):
        if "3 maanden" in zin:
            assert "psychologen en pedagogen" in zin, zin


def test_an_mbo_diploma_on_an_hbo_job_with_registration_tasks_needs_registration(domain):
    """Audit item 43: 'Werk je op mbo-niveau? Dan is registratie niet nodig' was said to everyone
    with an mbo diploma; an mbo'er on an hbo job with registration tasks must register."""
    assert "Werk je met een mbo-diploma toch op hbo-niveau, met taken waarvoor registratie nodig " \
           "is? Dan is registratie wel nodig." in faq_text(domain, "wie_moet_registreren")


def test_the_indicator_answer_gives_the_seven_signals_and_the_four_questions(domain):
    """Audit item 44: 'wat zijn de vier indicatoren' lands on this answer; it gave only SKJ's
    seven client indicators. The magazine's four questions (kennisbank §2.5) are there too."""
    text = faq_text(domain, "indicatoren")
    assert "zeven signalen" in text
    assert "noemt een projectleider vier vragen als vuistregel:" in text  # review 11, finding 20
    for vraag in ("1. Is de situatie onveilig of risicovol?",
                  "2. Draagt de medewerker een grote verantwoordelijkheid?",
                  "3. Zijn de problemen complex?",
                  "4. Heeft wat de medewerker doet veel impact op het kind of gezin?"):
        assert vraag in text, vraag


def test_the_tenzij_part_is_numbered_per_rendering(domain):
    """Audit item 47: 'tenzij is deel 2' is true of the Kwaliteitskader's rendering only; the
    magazine puts it in part 1 (kennisbank §2.2). The FAQ answer and the norm that "Waarom?"
    shows give both numbers."""
    import yaml

    from bot import antwoorden, werktoedeling

    text = faq_text(domain, "tenzij_bepaling")
    assert "Het Kwaliteitskader Jeugd noemt haar in deel 2." in text
    assert "Het magazine over professionalisering noemt haar in deel 1." in text

    regels = werktoedeling.rules()
    kader = {d["deel"]: d["tekst"] for d in regels["norm"]}
    magazine = {d["deel"]: d["tekst"] for d in regels["norm_weergave_magazine"]["delen"]}
    assert "tenzij" in kader[2].lower() and "tenzij" not in (kader[1] + kader[3]).lower()
    assert "tenzij" in magazine[1].lower() and "tenzij" not in (magazine[2] + magazine[3]).lower()
    case = yaml.safe_load((ROOT / "tests/cases/werktoedeling.yml").read_text(encoding="utf-8"))[0]
    advies = werktoedeling.evaluate(werktoedeling.Situatie(**case["gegeven"]))
    waarom = antwoorden.werktoedeling_waarom(advies, regels)
    assert f"2. {kader[2]}" in waarom.split("Het magazine")[0]
    assert f"1. {magazine[1]}" in waarom.split("Het magazine")[1]


# Review 5 of issue 16: FAQ and question texts against the knowledge base.

def test_working_until_registered_is_dated_as_the_rule_around_2019(domain):
    """Finding 9: 'tot je geregistreerd bent ... nauwe samenwerking' is the rule around the deadline
    of 1 January 2019 in the magazine of 2018 (kennisbank §2.13 R35); dated, with who knows what
    applies now. Review 6, finding 10: said plainly, in the order of the source (register before
    1 January 2019; after that only in close cooperation, until registered)."""
    text = faq_text(domain, "wie_moet_registreren")
    assert ("Volgens het magazine over professionalisering (2018) moest je je vóór 1 januari 2019 registreren. "
            "Daarna kon je dit werk alleen nog doen in nauwe samenwerking met een geregistreerde professional, "
            "tot je zelf geregistreerd was. Wat nu geldt, kan SKJ of het deskundigenteam je vertellen.") in text
    assert "gold rond de termijn" not in text
    assert "Tot je geregistreerd bent, doe je" not in text


def test_the_kwaliteitskader_is_dated_by_the_booklet_that_quotes_it(domain):
    """Finding 10: 2023 is the year of 'Verhalen uit de praktijk', which quotes version 2.1
    (kennisbank §0.1, §1), not of the Kwaliteitskader."""
    from bot.bronnen import registry

    text = faq_text(domain, "norm_werktoedeling")
    assert "Kwaliteitskader Jeugd (2023)" not in text
    assert "Het Kwaliteitskader Jeugd (versie 2.1), geciteerd in Verhalen uit de praktijk (2023)," in text
    source = registry()["kwaliteitskader_v21"]
    assert source["jaar"] == "ongedateerd" and "2023" in source["titel"] and "geciteerd in" in source["titel"]


def test_vaktherapeuten_in_an_unsafe_situation_go_to_the_team(domain):
    """Finding 11: 'ook bij complexe problemen' without the caveat; in an unsafe or risky situation
    it is possible only 'onder bepaalde voorwaarden' that the sources do not give (publieke-bronnen A.5)."""
    assert ("Is het kind in een onveilige of risicovolle situatie? Onder welke voorwaarden het dan kan, staat "
            "niet in onze bronnen. Overleg dan met het deskundigenteam.") in faq_text(domain, "vaktherapeuten")


def test_the_tenzij_part_of_the_norm_says_the_employer_must_make_it_plausible(domain):
    """Finding 20: part 2 dropped 'aannemelijk maken' and said 'of juist beter' (kennisbank §2.2 B)."""
    text = faq_text(domain, "norm_werktoedeling")
    assert ("2. De tenzij-bepaling: anderen mogen een taak ook doen als de werkgever kan onderbouwen dat de "
            "kwaliteit niet slechter wordt. Of dat die medewerker juist nodig is voor de kwaliteit.") in text
    assert "of juist beter" not in text


def test_gz_psycholoog_and_bbl_are_explained_at_first_use(domain):
    """Finding 21: 'gz-psycholoog' and 'bbl' stood without their meaning (B1)."""
    geregistreerd = domain.responses["utter_ask_wt_geregistreerd"][0]["text"]
    assert "gezondheidszorgpsycholoog (gz-psycholoog)" in geregistreerd
    assert "gezondheidszorgpsychologen (gz-psychologen)" in faq_text(domain, "skj_en_big")
    assert "Een mbo-opleiding telt hier niet, ook niet als de medewerker leert en werkt (bbl)." in \
        domain.responses["utter_ask_wt_opleiding"][0]["text"]
    for name, variants in domain.responses.items():
        for variant in variants:
            text = variant.get("text") or ""
            first_gz = text.lower().find("gz-psycholo")
            if first_gz >= 0:
                assert "gezondheidszorgpsycholo" in text[:first_gz].lower(), name
            if re.search(r"\bbbl\b", text.lower()):
                assert "leert en werkt (bbl)" in text, name


def test_the_task_kind_buttons_keep_a_general_training_out_of_therapy_in_a_trade(domain):
    """Review 6 of issue 16, finding 1: the button "Een training, therapie of behandeling" made any
    training by a vaktherapeut therapy in their own trade (tenzij)."""
    buttons = {b["title"]: b["payload"] for b in domain.responses["utter_ask_wt_taaksoort"][0]["buttons"]}
    therapy = [t for t, p in buttons.items() if '"therapie"' in p]
    assert therapy and all("training" not in t.lower() for t in therapy)
    assert any("training" in t.lower() and '"direct"' in p for t, p in buttons.items())


# Review 6 of issue 16: FAQ texts against the knowledge base.

def buttons(domain, name: str) -> dict[str, str]:
    return {b["title"]: b["payload"] for v in domain.responses[f"utter_faq/{name}"] for b in v.get("buttons", [])}


def test_praktijkprogramma_says_what_is_not_known_and_who_can_help(domain):
    """Finding 8: what the programme looks like and for whom exactly ('situatie 1 of 2') is not in the
    sources (kennisbank §6.1; publieke-bronnen B.4, F): SKJ for a personal plan, or the team."""
    text = faq_text(domain, "praktijkprogramma")
    assert ("Hoe het programma eruitziet en voor wie het precies geldt, staat niet in onze bronnen. Vraag SKJ "
            "om een persoonlijk plan, of laat het deskundigenteam meekijken.") in text
    assert buttons(domain, "praktijkprogramma").get("Ik wil iemand spreken") == "/mens_spreken"


def test_tuchtrecht_names_the_colleges_for_big_and_the_team_for_a_complaint_about_you(domain):
    """Finding 9: BIG-registered professionals fall under the tuchtcolleges voor de gezondheidszorg, SKJ-
    registered ones under SKJ's tuchtcollege (kennisbank §3.6 [003 L1953-1962]); individual cases are
    handed off (kennisbank §6.32)."""
    text = faq_text(domain, "tuchtrecht")
    assert "Dan val je onder de tuchtcolleges voor de gezondheidszorg (tuchtcollegegezondheidszorg.nl)." in text
    assert "Sta je in het Kwaliteitsregister Jeugd (SKJ)? Dan val je onder het tuchtcollege van SKJ." in text
    assert "Wil je dat iemand met je meekijkt? Vraag het deskundigenteam." in text
    assert buttons(domain, "tuchtrecht").get("Ik wil iemand spreken") == "/mens_spreken"


def test_a_big_registrant_of_article_3_needs_no_skj(domain):
    """Finding 11: a BIG registrant as arts, verpleegkundige, gezondheidszorgpsycholoog or psychotherapeut
    is a geregistreerde professional and needs no SKJ (Besluit Jeugdwet art. 1.1; publieke-bronnen A.6, B.1)."""
    for name in ("wat_is_skj", "wie_moet_registreren"):
        text = faq_text(domain, name)
        assert ("als arts, verpleegkundige, gezondheidszorgpsycholoog (gz-psycholoog) of psychotherapeut? "
                "Dan hoef je je niet ook bij SKJ te registreren.") in text, name
        assert "Besluit Jeugdwet, artikel 1.1 (zonder datum)" in text, name


def test_herregistratie_names_the_training_beroepsethiek(domain):
    """Finding 12: SKJ calls a training beroepsethiek 'verplicht'; what it asks is not found
    (publieke-bronnen B.12)."""
    text = faq_text(domain, "herregistratie")
    assert ("noemt ook een verplichte training beroepsethiek. Wat die precies vraagt, staat niet in onze "
            "bronnen.") in text
    assert "SKJ, nieuwsbrief over herregistratie (zonder datum)" in text


def test_indicators_in_a_crisis_send_the_exceptions_to_the_team(domain):
    """Finding 16: in a crisis, an unsafe or a life-threatening situation the conditions for an
    exception are not known ('onder bepaalde voorwaarden', publieke-bronnen A.5; README)."""
    text = faq_text(domain, "indicatoren")
    crisis = ("Gaat het om die uitzondering (de tenzij-bepaling) en is het kind in een crisis, een onveilige of een "
              "levensbedreigende situatie? Dan zeggen onze bronnen niet onder welke voorwaarden dat kan. "
              "Overleg dan met het deskundigenteam.")
    assert crisis in text
    assert text.index("Of als er een reden is voor de tenzij-bepaling.") < text.index(crisis)


def test_only_the_tenzij_exception_is_unknown_in_a_crisis(domain):
    """Review 8, finding 21: the README hands off only tenzij (4c) in a crisis, an unsafe home or a
    life-threatening situation; 4a and 4b have no such condition. The answer said it of all three."""
    text = faq_text(domain, "indicatoren")
    assert "\nIs het kind in een crisis" not in text
    assert "Gaat het om die uitzondering (de tenzij-bepaling) en is het kind in een crisis" in text


def test_the_unsafe_question_names_an_unsafe_surrounding_not_only_home(domain):
    """Review 8, finding 23: SKJ's indicator is 'onveilige omgeving' (publieke-bronnen A.2), at home
    or elsewhere; the question named only 'een onveilige thuissituatie'."""
    [variant] = domain.responses["utter_ask_wt_onveilig_of_risicovol"]
    assert "een onveilige omgeving (thuis of daarbuiten)" in variant["text"]
    assert "onveilige thuissituatie" not in variant["text"]


def test_the_registration_question_names_only_the_registers_that_count(domain):
    """Review 8, finding 28: only SKJ and BIG article 3 count (README, Reading the facts); the
    question is shorter and names the BIG professions that count, in words a reader knows."""
    [variant] = domain.responses["utter_ask_rt_registratie"]
    assert variant["text"].startswith("Sta je nu in het Kwaliteitsregister Jeugd (SKJ)?")
    assert "arts, verpleegkundige, gezondheidszorgpsycholoog of psychotherapeut" in variant["text"]
    assert len(variant["text"].split()) <= 28


def test_working_under_responsibility_names_all_five_conditions(domain):
    """Finding 17: structural contact and responsibilities agreed in writing were missing
    (kennisbank §2.8 R22, R24; README, conditions of onder_verantwoordelijkheid)."""
    text = faq_text(domain, "onder_verantwoordelijkheid")
    assert "De geregistreerde collega stelt het plan vast, heeft de jongere zelf beoordeeld en houdt de regie." in text
    assert "De twee hebben vast en regelmatig contact met elkaar (structureel contact)." in text
    assert "Ze spreken op papier af wie waarvoor verantwoordelijk is." in text


def test_the_gi_answer_says_what_the_report_says(domain):
    """Finding 18: 'steeds vaker' is not in the report; it says almost all GI's recruit teamondersteuners,
    each in their own way (kennisbank §4.6 point 2), and which tasks they can and may do differs
    (§4.3 [002 L480-482])."""
    text = faq_text(domain, "functiedifferentiatie_gi")
    assert "steeds vaker" not in text
    assert "bijna alle gecertificeerde instellingen (GI's) teamondersteuners, elk op hun eigen manier." in text
    assert ("Welke taken een ondersteuner mag doen, verschilt per GI. Twijfel je? Check de taak, of vraag het "
            "deskundigenteam.") in text
    assert buttons(domain, "functiedifferentiatie_gi") == {"Een taak checken": "/start_werktoedeling",
                                                          "Ik wil iemand spreken": "/mens_spreken"}


def test_leerverslag_and_professionele_standaard_are_explained(domain):
    """Finding 19: 'leerverslag' and 'professionele standaard' stood without their meaning (B1); the
    magazine glosses the standard as 'beroepscode en vakinhoudelijke richtlijnen' (kennisbank §1, §2.2)."""
    assert "Je sluit af met een leerverslag: een verslag van wat je hebt geleerd." in faq_text(domain, "praktijkprogramma")
    assert ("3. Geregistreerde professionals kunnen werken volgens hun professionele standaard, zoals hun "
            "beroepscode en richtlijnen.") in faq_text(domain, "norm_werktoedeling")


def test_jobs_without_registration_say_the_situation_decides_the_tasks(domain):
    """Review 9 of issue 16, finding 16: the list of jobs without registration lacked that the
    norm decides which tasks are allowed (README, Werktoedeling 4); finding 18: the norm asks the
    employer to give each task to the right professional, it does not list who may do what."""
    text = faq_text(domain, "functies_zonder_registratie")
    assert "Welke taken je in zo'n functie mag doen, hangt af van de situatie van het kind." in text
    assert "De norm zegt wie welke taak mag doen." not in faq_text(domain, "norm_werktoedeling")
