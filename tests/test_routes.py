"""The route advisor against the YAML cases, and the discipline of its data."""
import datetime
from pathlib import Path

import pytest
import yaml

from bot.bronnen import registry
from bot.lezer.zij_instromer import read
from bot.routes import Profiel, advise, data

CASES = Path(__file__).parent / "cases"
ADVICE_CASES = yaml.safe_load((CASES / "routes.yml").read_text(encoding="utf-8"))
TEXT_CASES = yaml.safe_load((CASES / "routes_tekst.yml").read_text(encoding="utf-8"))
PEILDATUM = datetime.date(2026, 11, 23)


@pytest.mark.parametrize("case", ADVICE_CASES, ids=[c["naam"] for c in ADVICE_CASES])
def test_advice(case):
    advies = advise(Profiel(**case["gegeven"]))
    expected = case["verwacht"]
    if "vraag" in expected:
        assert not advies.klaar
        assert advies.volgende_vraag == expected["vraag"]
        return
    if "fase" in expected:
        assert advies.fase == expected["fase"]
    if "routes" in expected:
        assert [r.id for r in advies.routes] == expected["routes"]
    if "regel" in expected:
        assert advies.regel == expected["regel"]
    if "deskundigenteam" in expected:
        assert advies.deskundigenteam == expected["deskundigenteam"]
    if "functie" in expected:
        assert any(expected["functie"] in f for f in advies.functies)
    if "stap" in expected:
        assert any(expected["stap"] in s for s in advies.stappen)
    if "geen_stap" in expected:
        assert not any(expected["geen_stap"] in s for s in advies.stappen)
    if "functies" in expected:
        assert advies.functies == expected["functies"]
    if "opmerking" in expected:
        assert any(expected["opmerking"] in o for o in advies.opmerkingen)
    # Only a rule that says so has no route from the list (a vaktherapeut in his own field).
    rule = next(r for r in data()["regels"] if r["id"] == advies.regel)
    assert advies.routes or rule["dan"]["routes"] == []
    assert advies.fase_zin and advies.stappen and advies.bronnen


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c["tekst"][:50] for c in TEXT_CASES])
def test_recognition(case):
    assert read(case["tekst"], None, PEILDATUM).feiten == case["herkend"]


def test_at_least_forty_cases():
    assert len(ADVICE_CASES) >= 40


def test_every_rule_route_and_phase_is_covered():
    results = [advise(Profiel(**c["gegeven"])) for c in ADVICE_CASES]
    finished = [r for r in results if r.klaar]
    assert {r.regel for r in finished} == {rule["id"] for rule in data()["regels"]}
    used_routes = {route.id for r in finished for route in r.routes}
    assert used_routes == set(data()["routes"])
    assert {r.fase for r in finished} == set(data()["fasen"])


def test_route_ids_are_the_ones_of_the_decision_summary():
    assert set(data()["routes"]) == {
        "direct_registreren", "aanvullende_scholing_45ec", "evc", "evc_na_werkervaring",
        "praktijkprogramma", "deeltijd_duaal_opleiding", "registratie_psycholoog_pedagoog",
        "zij_instroom_baan", "mbo_opleiding", "ad_opleiding", "praktijk_inwerkprogramma",
        "werken_onder_verantwoordelijkheid", "herregistratie", "herintreden",
    }


def test_every_rule_route_diploma_job_and_step_has_a_source():
    d = data()
    items = [*d["regels"], *d["routes"].values(), *d["diplomas"], *d["functies"],
             *d["algemene_stappen"], d["deskundigenteam_stap"], *d["fasen"].values()]
    for item in items:
        assert item.get("bronnen"), item.get("id") or item.get("naam") or item.get("tekst")
    sources = registry()
    for item in items:
        for reference in item["bronnen"]:
            assert reference["bron"] in sources and reference.get("plek"), reference


def test_every_route_says_what_is_known_of_cost_and_duration():
    for route_id, route in data()["routes"].items():
        assert route["wat"] and route["kosten"] and route["duur"] and route["stappen"], route_id


def test_rules_name_only_known_phases_and_routes():
    d = data()
    for rule in d["regels"]:
        assert rule["dan"]["fase"] in d["fasen"]
        assert set(rule["dan"]["routes"]) <= set(d["routes"])


def test_cost_and_duration_before_any_advice_gives_the_main_routes_with_sources():
    """Issue 17: 'wat kost een EVC?' as a first message got no reply at all."""
    from bot.antwoorden import route_kosten_duur

    text = route_kosten_duur(advise(Profiel()))
    for route_id in ("direct_registreren", "aanvullende_scholing_45ec", "evc", "praktijkprogramma"):
        assert data()["routes"][route_id]["naam"] in text
    assert "Bronnen:" in text and "Waar begin ik?" in text


def test_no_route_text_promises_more_than_the_sources():
    """Issue 16: 'geen kosten voor jou', 'vaak betaalt de werkgever', 'gratis' for individuals."""
    text = yaml.safe_dump(data(), allow_unicode=True).lower()
    for claim in ("geen kosten voor jou", "vaak betaalt de werkgever", "dat is gratis", "haalden"):
        assert claim not in text


def test_herregistratie_gives_the_numbers_per_register():
    """Issue 16: the JGP numbers were given to psychologists and BIG registrants, without the
    condition of on average 8 hours a week as jeugd- en gezinsprofessional (publieke-bronnen B.12)."""
    text = data()["routes"]["herregistratie"]["wat"]
    assert "8 uur per week als jeugd- en gezinsprofessional" in text
    assert "psycholoog of pedagoog" in text and "BIG-register" in text


def test_registering_with_an_evc_certificate_needs_a_vakbekwaamheidsbewijs_first():
    """Issue 16: an ervaringscertificaat is verzilverd to a vakbekwaamheidsbewijs before it gives a
    right to registration (publieke-bronnen B.3); the VOG's '3 maanden' is from the psy/ped pages."""
    steps = " ".join(data()["routes"]["direct_registreren"]["stappen"])
    assert "vakbekwaamheidsbewijs" in steps
    assert "3 maanden" not in steps


def test_routes_whose_details_the_sources_lack_come_with_the_deskundigenteam():
    """Review 3, finding 17: the 45 EC traject's providers and the praktijkprogramma's details are
    not in the sources (README, routes), so every rule that names them offers the team."""
    for rule in data()["regels"]:
        if {"aanvullende_scholing_45ec", "praktijkprogramma"} & set(rule["dan"]["routes"]):
            assert rule["dan"].get("deskundigenteam"), rule["id"]


def test_the_diagnostics_annotation_is_named_per_chamber():
    """Review 3, finding 26: 'een aantekening dat je diagnostiek mag doen' for every psychologist and
    pedagogue; the sources name the NIP's BAPD for the master-psycholoog and the NVO's
    Basisaantekening diagnostiek for the master-orthopedagoog, nothing for the master-pedagoog
    (publieke-bronnen B.1)."""
    text = data()["routes"]["registratie_psycholoog_pedagoog"]["wat"]
    assert "Basisaantekening psychodiagnostiek" in text and "(NIP)" in text
    assert "Basisaantekening diagnostiek" in text and "(NVO)" in text
    assert "master-pedagoog" in text and "skjeugd.nl" in text
    assert "mag doen" not in text


def test_the_praktijkprogramma_route_names_the_way_for_zzpers():
    """Issue 16 audit, items 36 and 45: the praktijkprogramma is not only 'bij je werkgever';
    zzp'ers follow it at a hogeschool or a commercial provider (publieke-bronnen B.4)."""
    text = data()["routes"]["praktijkprogramma"]["wat"]
    assert "bij je werkgever of opdrachtgever" in text
    assert "Werk je als zzp'er? Dan kan het bij een hogeschool of een commerciële aanbieder." in text


def test_the_diagnostics_annotations_are_explained_without_saying_more_than_the_sources():
    """Issue 16 audit, item 58: 'Basisaantekening (psycho)diagnostiek' was named but not
    explained. The sources only say whose annotation it is (publieke-bronnen B.1: 'the NVO
    Basisaantekening diagnostiek', 'the Basisaantekening psychodiagnostiek (BAPD, NIP)'), not
    what it allows; so the text says that, and no more."""
    text = data()["routes"]["registratie_psycholoog_pedagoog"]["wat"]
    assert ("Basisaantekening psychodiagnostiek nodig. Dat is een aantekening van de "
            "beroepsvereniging van psychologen (NIP).") in text
    assert ("Basisaantekening diagnostiek nodig. Dat is een aantekening van de "
            "beroepsvereniging van pedagogen (NVO).") in text
    assert "Wat je voor zo'n aantekening moet doen, staat niet in onze bronnen." in text
    assert "mag doen" not in text and "bevoegd" not in text


def test_the_psychologist_route_names_the_youth_courses_or_two_years_and_the_hardship_clause():
    """Already so, untested: with a master psychologie SKJ asks the jeugdvakkenpakket, or without it
    an employer's statement of at least 2 years' full-time work with youth; who does not meet the
    requirements exactly can ask via the hardheidsclausule (publieke-bronnen B.1)."""
    from bot.antwoorden import route_tekst

    text = route_tekst(advise(Profiel(registratie="geen", ambitie="registratie", diploma="master_psychologie",
                                      afgerond="ja")))
    assert "jeugdvakkenpakket" in text
    assert "minstens 2 jaar voltijd met kinderen en jongeren" in text
    assert "hardheidsclausule" in text


def test_the_part_time_route_registers_only_with_the_youth_profile():
    """Already so, untested: a deeltijd or duaal Social Work or Pedagogiek leads to registration only
    with the profiel Jeugd (publieke-bronnen B.2-B.3); other profiles need extra schooling."""
    from bot.antwoorden import route_tekst

    text = route_tekst(advise(Profiel(registratie="geen", ambitie="registratie", diploma="hbo_niet_verwant",
                                      hbo_functie="nee")))
    assert "Deeltijd of duaal hbo Social Work of Pedagogiek" in text
    assert "Met het profiel Jeugd kun je je daarna registreren." in text


def test_a_vaktherapeut_in_his_own_field_gets_what_the_sources_say_and_no_route_list():
    """Issue 16, finding 33: no route for vaktherapeuten or paramedici. In their own field no SKJ (a
    vaktherapeut cannot register), the tenzij-bepaling, also with complex problems; as jeugd- en
    gezinsprofessional SKJ is needed (publieke-bronnen A.5; kennisbank §2.10 R26)."""
    from bot.antwoorden import route_tekst

    advies = advise(Profiel(registratie="geen", beroep="vaktherapeut", werkt_als="eigen_vak"))
    text = route_tekst(advies)
    for said in ("hoef je niet in het Kwaliteitsregister Jeugd", "kan zich daar ook niet registreren",
                 "tenzij-bepaling", "ook bij complexe problemen",
                 "jeugd- en gezinsprofessional? Dan moet je wel geregistreerd zijn", "Register Vaktherapie",
                 "onveilige of risicovolle situatie"):
        assert said in text, said
    assert "Routes die bij jou passen" not in text and "Jeugdzorgwerker D" not in text


def test_the_mbo_spw_entry_names_only_what_a_source_calls_mbo():
    """Review 5 of issue 16, finding 17: 'ggz-agoog', 'mmz', 'maatschappelijke zorg' and
    'pedagogisch medewerker' were an mbo diploma without a source (SKJ names GGZ-agogen for the
    kamer Jeugd- en gezinsprofessionals, publieke-bronnen B.1)."""
    from bot import routes

    spw = routes.diploma("spw")
    for word in ("ggz-agoog", "ggz agoog", "mmz", "maatschappelijke zorg", "pedagogisch medewerker"):
        assert word not in spw["woorden"], word
    assert "pedagogisch medewerker" not in spw["naam"].lower()
    assert {"mmz", "maatschappelijke zorg"} <= set(routes.diploma("onduidelijk")["woorden"])


def test_herregistratie_names_scholing_and_the_training_beroepsethiek():
    """Review 5 of issue 16, finding 12: the text left out deskundigheidsbevordering. SKJ splits it
    into formeel and informeel leren; the number of points is not in our sources; a training
    beroepsethiek is 'verplicht' (publieke-bronnen B.12)."""
    route = data()["routes"]["herregistratie"]
    text = route["wat"]
    assert "Je volgt ook scholing. SKJ noemt dat formeel en informeel leren." in text
    assert "Hoeveel punten je daarvoor nodig hebt, staat niet in onze bronnen. Kijk op skjeugd.nl." in text
    assert "verplichte training beroepsethiek" in text
    assert {"skj_nieuws_opleidingsaanbieders", "skj_nieuwsbrief_herregistratie"} <= {b["bron"] for b in route["bronnen"]}


def test_the_evc_route_registers_only_with_the_other_requirements_met():
    """Review 5 of issue 16, finding 13: a vakbekwaamheidsbewijs gives a right to registration only
    if all registration requirements are met (publieke-bronnen B.5), as the EVC FAQ says."""
    text = data()["routes"]["evc"]["wat"]
    assert ("Met het ervaringscertificaat krijg je een vakbekwaamheidsbewijs. Voldoe je ook aan de andere "
            "eisen? Dan kun je je daarmee registreren.") in text
    assert "vakbekwaamheidsbewijs waarmee je je kunt registreren" not in text


def test_the_gi_money_says_who_says_it_and_when():
    """Review 5 of issue 16, finding 19: 300 zij-instromers, herintreders or mbo-doorstromers, the
    Stimuleringsregeling 2023-2024 and 2024-2025 (AlleKansenBenut!, kennisbank §7.4), and the extra
    money of the Kamerbrief of 18 October 2023 (publieke-bronnen C.5); not 'regeling 2023-2025'."""
    route = data()["routes"]["zij_instroom_baan"]
    text = route["kosten"]
    assert "Volgens AlleKansenBenut! (2024)" in text
    assert "Stimuleringsregeling zij-instroom GI's 2023-2024 en 2024-2025" in text
    assert "300 zij-instromers, herintreders of mbo-doorstromers" in text
    assert "Volgens een Kamerbrief van 18 oktober 2023" in text and "5 miljoen euro extra in 2024 en in 2025" in text
    assert "2023-2025" not in text
    assert {"speerpunten_akb", "kamerbrief_zij_instroom_2023"} <= {b["bron"] for b in route["bronnen"]}


# Review 6 of issue 16: route texts against the knowledge base.

def test_a_master_pedagogiek_without_wo_is_unclear():
    """Finding 6: 'master pedagogiek' was always the wo-master (kamer Pedagogen), but there is an
    hbo-master pedagogiek too. Only the wo-master gives access per the sources (README: "wo-master
    psychologie or (ortho)pedagogiek"); without 'wo' the diploma is unclear, with the team."""
    from bot import routes

    assert "master pedagogiek" not in routes.diploma("master_pedagogiek")["woorden"]
    assert routes.diploma("master_pedagogiek_niveau_onbekend")["met_niveau"] == {"wo": "master_pedagogiek"}
    rule = next(r for r in data()["regels"] if r["id"] == "master_pedagogiek_niveau_onbekend")
    assert "Ik weet niet of jouw master een wo-master is" in rule["waarom"]
    assert rule["dan"]["deskundigenteam"]


def test_the_zij_instroom_duration_is_an_example_of_one_employer():
    """Finding 7: 'binnen een jaar' for people with a related hbo diploma or work in the sociaal domein
    was shown to everyone on the route. The sources give no general duration (kennisbank §6.2); the
    JB Noord figure is one employer's example [001 L878-884]."""
    duur = data()["routes"]["zij_instroom_baan"]["duur"]
    assert duur.startswith("Hoe lang het duurt, staat niet in onze bronnen. Dat hangt af van je diploma en je werk.")
    assert ("Een voorbeeld van één werkgever: daar kunnen zij-instromers met een verwant hbo-diploma of werk in "
            "het sociaal domein hun registratie binnen een jaar halen.") in duur
    assert "konden" not in duur


def test_the_120_points_are_for_the_first_herregistratie():
    """Finding 12: the 120 points of the master-psycholoog are for the first herregistratie
    (publieke-bronnen B.12)."""
    text = data()["routes"]["herregistratie"]["wat"]
    assert "120 punten bij de eerste herregistratie van een master-psycholoog" in text


def test_kamer_and_leerverslag_are_explained_at_first_use():
    """Finding 19: 'kamer' and 'leerverslag' stood without their meaning (B1)."""
    wat = data()["routes"]["registratie_psycholoog_pedagoog"]["wat"]
    assert "in het deel van het register voor psychologen of pedagogen (de kamer)" in wat
    assert wat.find("(de kamer)") <= wat.lower().find("kamer")
    assert "Je sluit af met een leerverslag: een verslag van wat je hebt geleerd." in \
        data()["routes"]["praktijkprogramma"]["wat"]
    nip = next(a for a in data()["aanvullingen"] if a["id"] == "nip_nvo")["tekst"]
    assert "in het deel van het register voor psychologen (de kamer Psychologen)" in nip


def test_mbo_route_does_not_narrow_the_mbo_to_zorg_en_welzijn():
    """Review 8, finding 15: the sources make any mbo-opleiding a way to bekwaam (kennisbank §3.1),
    and jeugdzorgwerker D is an mbo function (publieke-bronnen B.5); 'in zorg en welzijn' was ours."""
    wat = data()["routes"]["mbo_opleiding"]["wat"]
    assert "in zorg en welzijn" not in wat
    assert "jeugdzorgwerker D (een functie op mbo-niveau)" in wat


def test_a_vakbekwaamheidsbewijs_gives_registration_only_with_the_other_requirements():
    """Review 8, finding 25: the vakbekwaamheidsbewijs gives a right to registration 'if all
    registration requirements are met' (publieke-bronnen B.5); the step said it without the condition."""
    stappen = " ".join(data()["routes"]["direct_registreren"]["stappen"])
    assert "Daarmee kun je je registreren, als je ook aan de andere eisen voldoet." in stappen


def test_texts_say_what_the_sources_say_about_payment_and_dated_facts():
    """Review 9 of issue 16, findings 14 and 17: 'soms betaalt de werkgever' had no source; the
    opleidingsregister's advice was said in the present tense without who says it and when."""
    kosten = data()["routes"]["deeltijd_duaal_opleiding"]["kosten"]
    assert "Soms betaalt de werkgever" not in kosten and "staat niet in onze bronnen" in kosten
    stap = " ".join(s["tekst"] for s in data()["algemene_stappen"])
    assert "Volgens AlleKansenBenut! (2024)" in stap and "Vraag SKJ of dat nog zo is." in stap


def test_no_source_title_or_place_promises_the_team_for_free():
    """Review 9 of issue 16, finding 13: the README promises nothing 'gratis' to individuals."""
    assert "kosteloos" not in registry()["deskundigenteam_akb"]["titel"]
    assert "kosteloos" not in str(data()["deskundigenteam_stap"]["bronnen"])
