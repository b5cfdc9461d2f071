"""A side-entrant's message read into route facts (today fixed at 2026-12-03)."""
import datetime
from pathlib import Path

import pytest

from bot.lezer.zij_instromer import read

TODAY = datetime.date(2026, 12, 3)


def facts(text, pending=None):
    return read(text, pending, TODAY).feiten


@pytest.mark.parametrize("text,pending,value", [
    ("ik was geregistreerd van 2016 tot 2021, is verlopen", None, "verlopen"),
    ("was geregistreerd tot 2020", None, "verlopen"),
    ("stond erin tot vorig jaar", "registratie", "verlopen"),
    ("stond er tot 2021 in", "registratie", "verlopen"),
    ("nee, ik sta niet ingeschreven", "registratie", "geen"),
    ("nee", "registratie", "geen"),
    ("nope nooit gedaan", "registratie", "geen"),
    ("jep", "registratie", "geldig"),
    ("ja ik sta er nog in", "registratie", "geldig"),
    ("vroeger wel", "registratie", "verlopen"),
    ("ik ben big-verpleegkundige", None, "geldig"),
    ("ik sta alleen in registerplein", "registratie", "geen"),
    ("mijn registratie loopt nog tot 2028", None, "geldig"),
    # a question or a wish about registering is not a registration (issue 15: read as bevoegd)
    ("mag ik me dan als pedagoog registreren bij skj of hoe zit dat", None, None),
    ("steeds meer ouders vragen of ik skj-geregistreerd ben. kan ik me laten registreren?", None, None),
    ("mijn teamleider vraagt of ik al skj heb", None, None),
    ("collega's hebben het steeds over skj maar ik heb geen zin in school", None, None),
    ("ik ben skj geregistreerd sinds 2021", None, "geldig"),
])
def test_registration_with_its_tense(text, pending, value):
    assert facts(text, pending).get("registratie") == value


@pytest.mark.parametrize("text,pending,diploma", [
    ("SPH met uitstroomprofiel jeugdzorgwerker", None, "hsao_jeugdzorgwerker"),
    ("hbo pedagogiek met profiel jeugd", None, "pedagogiek_jeugd"),
    ("hbo pedagogiek zonder jeugdprofiel", None, "pedagogiek"),
    ("sw profiel zorg", None, "sw_zorg"),
    ("social work", "diploma", "social_work"),
    ("master A&O-psychologie", None, "master_psychologie"),  # a master psychologie (review issue 16, 4)
    ("sociale psychologie", "diploma", "psychologie_niveau_onbekend"),
    ("bachelor psychologie", None, "bachelor_psychologie"),
    ("master orthopedagogiek", None, "master_orthopedagogiek"),
    ("mbo 4 spw", None, "spw"),
    ("creatieve therapie", "diploma", "onduidelijk"),
    ("iets met mensen, heet geloof ik toegepaste dinges", "diploma", "onduidelijk"),
])
def test_diploma_with_its_profile(text, pending, diploma):
    assert facts(text, pending).get("diploma") == diploma


def test_the_profile_answer_is_read_as_a_profile():
    # "Jeugd" names the profile of Social Work or Pedagogiek, but for SPH or MWD it need not be the
    # uitstroomprofiel Jeugdzorgwerker (review 7 of issue 16, finding 18).
    assert facts("Jeugd", "richting").get("profiel") == "jeugd_onzeker"
    assert facts("profiel jeugd", "richting").get("profiel") == "jeugd"


@pytest.mark.parametrize("text,pending,value", [
    ("ja, sinds 8 maanden", "hbo_functie", "nee"),
    ("sinds acht maanden", "hbo_functie", "nee"),
    ("anderhalf jaar", "hbo_functie", "ja"),
    ("sinds 2019", "hbo_functie", "ja"),
    ("nope", "hbo_functie", "nee"),
    ("geen idee", "hbo_functie", "weet_niet"),
    ("ik werk 15 jaar bij de politie", None, "nee"),
    ("ik werk sinds 8 maanden als gezinsbegeleider in de jeugdzorg", None, "nee"),
])
def test_work_for_at_least_a_year(text, pending, value):
    assert facts(text, pending).get("hbo_functie") == value


@pytest.mark.parametrize("text,pending,value", [
    ("afgestudeerd in 2023", None, "ja"),
    ("in 2012", "diploma_recent", "nee"),
    ("vorig jaar", "diploma_recent", "ja"),
    ("lang geleden", "diploma_recent", "nee"),
    ("weet ik niet meer", "diploma_recent", "weet_niet"),
])
def test_diploma_age(text, pending, value):
    assert facts(text, pending).get("diploma_recent") == value


@pytest.mark.parametrize("text,pending,value", [
    ("ja ik wil me registreren", "ambitie", "registratie"),
    ("eerst gewoon aan het werk", "ambitie", "nu_starten"),
    ("weet ik nog niet", "ambitie", "registratie"),
    ("ik wil zonder registratie werken", None, "nu_starten"),
    ("skj hoeft niet per se, wil gewoon zo snel mogelijk beginnen", None, "nu_starten"),
])
def test_ambition(text, pending, value):
    assert facts(text, pending).get("ambitie") == value


def test_an_opening_with_several_facts():
    found = facts("hbo pedagogiek, 3 jaar ervaring in de gehandicaptenzorg")
    # gehandicaptenzorg without 'jeugd' may be for adults: asked, not assumed (review 3, finding 5)
    assert found["diploma"] == "pedagogiek" and "werkt_in_jeugdzorg" not in found
    assert found["werkervaring_maanden"] == 36


@pytest.mark.parametrize("text,pending,registratie,beroep", [
    # review 3, finding 1: only BIG as arts, verpleegkundige, gz-psycholoog or psychotherapeut counts
    ("ik sta in het big-register", None, "big", None),
    ("big", "registratie", "big", None),
    ("ja, big geregistreerd als arts", "registratie", "geldig", None),
    ("ik ben big geregistreerd als fysiotherapeut", None, "big", "ander"),
    ("ik ben skj geregistreerd en sta ook in het big register", None, "geldig", None),
    ("GZ-psycholoog", "big_beroep", None, "art3"),
    ("verpleegkundige", "big_beroep", None, "art3"),
    ("logopedist", "big_beroep", None, "ander"),
    ("weet ik niet", "big_beroep", None, "weet_niet"),
])
def test_big_counts_only_for_the_four_professions(text, pending, registratie, beroep):
    found = facts(text, pending)
    assert found.get("registratie") == registratie and found.get("big_beroep") == beroep


def test_no_registration_is_read_from_a_bare_no_without_the_question():
    assert "registratie" not in facts("nee")


@pytest.mark.parametrize("text,pending,value", [
    # Registerplein, NIP/NVO: not SKJ or BIG; a denied SKJ or BIG is no registration (read as valid)
    ("bij skj niet en big ook niet. alleen registerplein", "registratie", "geen"),
    ("bij skj niet en big ook niet", "registratie", "geen"),
    ("skj heb ik niet, ik sta bij registerplein", None, "geen"),
    ("ik sta geregistreerd bij registerplein als sociaal werker", None, "geen"),
    ("ik sta geregistreerd bij registerplein als sociaal werker", "registratie", "geen"),
    ("ik heb een nvo registratie", "registratie", "geen"),
    ("Ik sta in het BIG-register als verpleegkundige, gewoon geldig. Bij SKJ niet.", "registratie", "geldig"),
    ("ik ben big geregistreerd als fysiotherapeut, bij skj sta ik niet", None, "big"),
    ("ik weet niet wat skj is", None, None),
])
def test_another_register_or_a_denied_one_is_no_registration(text, pending, value):
    assert facts(text, pending).get("registratie") == value


@pytest.mark.parametrize("text,pending,beroep,werkt_als", [
    ("ik ben vaktherapeut", None, "vaktherapeut", None),
    ("kan ik als muziektherapeut in de jeugdhulp werken?", None, "vaktherapeut", None),
    ("ik heb een big registratie als fysiotherapeut", None, "paramedicus", None),
    ("Ik ben verpleegkundige in de kinder- en jeugdpsychiatrie", None, "verpleegkundige", None),
    ("mijn collega is logopedist", None, None, None),
    ("in mijn eigen vak, als vaktherapeut", "werkt_als", "vaktherapeut", "eigen_vak"),
    ("logopedist in een jeugd-ggz instelling", "werkt_als", "paramedicus", "eigen_vak"),
    ("ik wil als gezinsbegeleider werken", "werkt_als", None, "jgp"),
    ("ik ben vaktherapeut maar wil als jeugd- en gezinsprofessional werken", None, "vaktherapeut", "jgp"),
    ("weet ik nog niet", "werkt_als", None, "weet_niet"),
])
def test_a_therapist_or_nurse_is_recognised_and_asked_how_they_will_work(text, pending, beroep, werkt_als):
    found = facts(text, pending)
    assert found.get("beroep") == beroep and found.get("werkt_als") == werkt_als


@pytest.mark.parametrize("text,pending", [
    ("hbo jeugdzorg", "diploma"),
    ("HBO-V", "diploma"),
    ("verpleegkunde", "diploma"),
    ("ik heb hbo-v gedaan", None),
])
def test_names_the_sources_do_not_list_are_unclear(text, pending):
    """Already so, untested: 'hbo jeugdzorg' and verpleegkunde are in no list of the sources, so
    the diploma is unclear (the deskundigenteam looks), not qualifying nor 'no access'."""
    assert facts(text, pending).get("diploma") == "onduidelijk"


@pytest.mark.parametrize("text,pending,diploma", [
    # development half: a level of work is no diploma; an mbo Sociaal Werk is an mbo diploma
    ("ja. ik werk zelfstandig op hbo-niveau: ik maak de begeleidingsplannen. al 4 jaar", "hbo_functie", None),
    ("ja, sinds 2019 op hbo-niveau. ik ben coördinerend begeleider", "hbo_functie", None),
    ("mbo niveau 4 sociaal werk, dus niet het hbo", "diploma", "mbo"),
    ("mbo 4 social work", "diploma", "mbo"),
    ("hbo social work", "diploma", "social_work"),
    ("ik heb een opleiding op hbo-niveau gedaan", "diploma", "hbo"),
    ("pedagoog (hbo)", None, "pedagogiek"),
    ("ik ben pedagoog, wo", None, "pedagogische_wetenschappen_niveau_onbekend"),
    ("Hbo Human Resource Management.", "diploma", "hbo_niet_verwant"),
])
def test_diploma_names_and_levels(text, pending, diploma):
    assert facts(text, pending).get("diploma") == diploma


def test_a_work_level_answer_keeps_the_diploma_and_answers_the_question():
    found = facts("ja. ik werk zelfstandig op hbo-niveau: ik maak de begeleidingsplannen. al 4 jaar", "hbo_functie")
    assert found.get("hbo_functie") == "ja" and "diploma" not in found


@pytest.mark.parametrize("text,months", [
    ("sinds okt '24", 26),
    ("sinds maart '23 werk ik daar", 45),
])
def test_a_year_with_an_apostrophe(text, months):
    from bot.lezer import tijd
    assert tijd.duration(text, TODAY).maanden == months


@pytest.mark.parametrize("text,diploma", [
    ("ik heb een baan op hbo-niveau", None),
    ("ik heb hbo niveau", "hbo"),
    ("ik heb een opleiding op hbo-niveau gedaan", "hbo"),
])
def test_a_level_is_a_diploma_unless_it_is_the_level_of_a_job(text, diploma):
    assert facts(text).get("diploma") == diploma


@pytest.mark.parametrize("text,pending,value", [
    # Review 5 of issue 16, finding 6: open words ("heb skj", "skj nummer", "registratie loopt
    # nog", "sta in het register") in a need, a question, an application or another register
    # were read as a valid registration (phase bevoegd), in an opening or as the answer.
    ("ik heb skj nodig voor die baan", None, None),
    ("ik heb skj nodig voor die baan", "registratie", "geen"),
    ("ik heb een skj registratie nodig", None, None),
    ("ik heb een skj registratie nodig", "registratie", "geen"),
    ("hoe krijg ik een skj nummer?", None, None),
    ("hoe krijg ik een skj nummer?", "registratie", None),
    ("wat is een skj nummer?", None, None),
    ("wat is een skj nummer?", "registratie", None),
    ("ik heb een vraag over mijn skj registratie", "registratie", None),
    ("mijn aanvraag voor registratie loopt nog", None, "geen"),
    ("mijn aanvraag voor registratie loopt nog", "registratie", "geen"),
    ("ik heb skj aangevraagd", None, "geen"),
    ("ik heb me aangemeld bij skj", "registratie", "geen"),
    ("ik sta in het register van Registerplein", None, "geen"),
    ("ik sta in het register van Registerplein", "registratie", "geen"),
    # still a registration
    ("ik sta in het skj register", None, "geldig"),
    ("ik sta in het skj register", "registratie", "geldig"),
    ("ja ik ben skj geregistreerd", None, "geldig"),
    ("ja ik ben skj geregistreerd", "registratie", "geldig"),
    ("heb een skj-nummer", None, "geldig"),
    ("heb een skj-nummer", "registratie", "geldig"),
    ("ik ben skj geregistreerd want dat is verplicht", "registratie", "geldig"),
    ("mijn registratie loopt nog tot 2028", "registratie", "geldig"),
])
def test_a_need_a_question_or_an_application_is_no_registration(text, pending, value):
    assert facts(text, pending).get("registratie") == value


@pytest.mark.parametrize("text,pending,diploma", [
    # Review 5 of issue 16, finding 17: no source names these as an mbo diploma (they were read as
    # mbo SPW, 'no access'); unclear without a level, so the deskundigenteam looks.
    ("mmz", "diploma", "onduidelijk"),
    ("maatschappelijke zorg", "diploma", "onduidelijk"),
    ("ggz-agoog", "diploma", "onduidelijk"),
    ("pedagogisch medewerker", "diploma", "onduidelijk"),
    ("mbo 4 maatschappelijke zorg", "diploma", "mbo"),
    ("mbo spw", "diploma", "spw"),
])
def test_diplomas_no_source_names_as_mbo_are_unclear(text, pending, diploma):
    assert facts(text, pending).get("diploma") == diploma


def test_a_pm_er_is_no_pmt_er_whichever_reader_ran_first():
    """"pm'er" (pedagogisch medewerker) was read as a typo for "pmt'er" (a vaktherapeut) when the
    route reader ran before the employer's reader had loaded its word lists: a fresh process shows it."""
    import subprocess
    import sys
    code = ("from bot.lezer import zij_instromer; "
            "print(zij_instromer.read(\"ik werk nu 2 jaar als pm'er op een leefgroep\", 'werk').feiten.get('beroep'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.strip()
    assert out == "None"


def test_the_work_now_counts_over_the_work_before():
    """Batch 7 (development half): 12 years in retail before, 18 months as jeugdhulpverlener now."""
    found = facts("ik heb 12 jaar in de retail gewerkt en ben anderhalf jaar geleden als zij-instromer "
                  "begonnen als ambulant jeugdhulpverlener")
    assert found["werkt_in_jeugdzorg"] == "ja" and found["werkervaring_maanden"] == 18
    assert facts("ik werk nu in de horeca, vroeger in de jeugdzorg")["werkt_in_jeugdzorg"] == "nee"


def test_a_wish_to_be_registered_is_no_lapsed_registration():
    """'geregistreerd kan zijn' matched 'geregistreerd geweest' through the lemma of 'geweest'."""
    assert "registratie" not in facts("hoe lang duurt het voor ik geregistreerd kan zijn?")
    assert facts("ik ben geregistreerd geweest")["registratie"] == "verlopen"


def test_a_question_about_skj_does_not_hide_a_big_registration_as_nurse():
    found = facts("ik ben hbo-verpleegkundige, BIG geregistreerd. moet ik nu ook nog bij skj?")
    assert found["registratie"] == "geldig"


def test_a_job_title_does_not_say_the_hbo_function_that_evc_needs():
    """A year as jeugdzorgwerker may be at mbo level (jeugdzorgwerker D): the EVC route's 'at least a
    year at hbo level with registration tasks' is asked, not read from the title; said in words it counts."""
    assert "hbo_functie" not in facts("ik werk al 2 jaar als jeugdzorgwerker bij een jeugdhulpaanbieder")
    assert facts("ik werk al 2 jaar in de jeugdzorg op een hbo functie")["hbo_functie"] == "ja"


def test_a_time_word_dates_the_diploma_only_beside_it():
    """'al lang' or 'jaren geleden' anywhere set the diploma's age: "ik werk al lang in de zorg" made
    the diploma older than 5 years (the 45 EC route instead of direct registration)."""
    assert "diploma_recent" not in facts("ik werk al lang in de zorg")
    assert "diploma_recent" not in facts("ben anderhalf jaar geleden begonnen als jeugdhulpverlener")
    assert facts("mijn diploma heb ik jaren geleden gehaald")["diploma_recent"] == "nee"
    assert facts("jaren geleden", "diploma_recent")["diploma_recent"] == "nee"


def test_a_start_of_a_study_is_no_work_experience():
    assert facts("ik ben 3 maanden geleden begonnen met de deeltijdopleiding, werk al 4 jaar als ambulant "
                 "hulpverlener")["werkervaring_maanden"] == 48


@pytest.mark.parametrize("text", ["skj nee big nee. register vaktherapie ja", "skj nee, big nee"])
def test_a_register_followed_by_nee_is_denied(text):
    """Development half, wg-e-018: "skj nee big nee" was read as a valid registration (phase bevoegd)."""
    assert facts(text, "registratie")["registratie"] == "geen"


def test_sociaal_werk_without_hbo_is_shown_as_a_guess():
    """Review 9 of issue 16, finding 7: mbo Sociaal Werk exists (publieke-bronnen B.5); a bare
    'sociaal werk' is read as hbo, with a '?' in the summary so that an mbo graduate can correct it."""
    assert "diploma" in read("ik heb sociaal werk gedaan", None, TODAY).geraden
    assert "diploma" not in read("ik heb hbo social work richting jeugd", None, TODAY).geraden
    assert facts("ik heb mbo sociaal werk gedaan, richting jeugd")["diploma"] == "mbo"


@pytest.mark.parametrize("text", ["ik ben niet SKJ-geregistreerd", "ik heb geen geldige registratie meer",
                                  "ik heb skj nog niet", "ik heb geen skj nummer",
                                  "ik ben nog nooit geregistreerd geweest"])
def test_denied_registration_words_are_no_registration(text):
    """Review 9 of issue 16, finding 1 (read from the word lists only): these denials hold words of
    a valid registration. The reader already read them as 'geen'; this keeps it so."""
    assert facts(text)["registratie"] == "geen"


@pytest.mark.parametrize("text", ["nog 1 jaar te gaan", "gestopt na het 2e jaar", "bijna, ik studeer in juni af"])
def test_a_study_not_done_as_the_answer(text):
    assert facts(text, "afgerond")["afgerond"] == "nee"


@pytest.mark.parametrize("text", ["ik heb in belgie social work gestudeerd, profiel jeugd",
                                  "ik heb een buitenlands diploma social work richting jeugd"])
def test_a_foreign_diploma_beside_a_qualifying_name_stays_foreign(text):
    """Review 10 of issue 16, finding 6 (read from the word lists only): a qualifying diploma named
    with a foreign country could win over 'buitenlands'. The reader keeps it foreign (handoff)."""
    assert facts(text)["diploma"] == "buitenlands"


def test_a_yes_to_finished_is_not_taken_back_by_a_later_word():
    """Review of the whole change: 'gaan' in "ja, daarna ben ik gaan werken" said nothing about the study."""
    assert facts("ja, daarna ben ik gaan werken", "afgerond")["afgerond"] == "ja"
