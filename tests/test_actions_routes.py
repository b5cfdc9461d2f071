"""The route intake adapters."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.routes import (
    ActionAskRouteBevestigd,
    ActionRouteAdvies,
    ValidateRouteForm,
    button_answer,
    profiel,
    updates_from_message,
)

DOMAIN = {"forms": {"route_form": {"required_slots": ["rt_registratie"]}}}
KNOWN = {"rt_registratie": "geen", "rt_ambitie": "registratie", "rt_diploma": "hbo_niet_verwant",
         "rt_hbo_functie": "nee"}


def tracker(slots, text, intent="inform", entities=()):
    message = {"text": text, "intent": {"name": intent}, "entities": list(entities)}
    return Tracker("t", slots, message, [], False, None, {}, "action_listen")


def test_free_text_fills_several_facts_at_once():
    updates = updates_from_message(
        {"text": "heb hbo bedrijfskunde en werk 15 jaar bij de politie", "intent": {"name": "start_route"}},
        None,
    )
    assert updates["rt_diploma"] == "hbo_niet_verwant"
    assert updates["rt_hbo_functie"] == "nee"
    assert updates["rt_werkervaring_maanden"] == 180


@pytest.mark.parametrize("intent, requested, expected", [
    ("affirm", "rt_afgerond", {"rt_afgerond": "ja"}),
    ("deny", "rt_diploma_recent", {"rt_diploma_recent": "nee"}),
    ("weet_niet", "rt_hbo_functie", {"rt_hbo_functie": "weet_niet"}),
    ("weet_niet", "rt_diploma_recent", {"rt_diploma_recent": "weet_niet"}),
    ("weet_niet", "rt_ambitie", {"rt_ambitie": "registratie"}),
    ("affirm", "rt_registratie", {"rt_registratie": "geldig"}),
    ("weet_niet", "rt_big_beroep", {"rt_big_beroep": "weet_niet"}),
    ("affirm", "rt_big_beroep", {}),
    ("affirm", "rt_bevestigd", {"rt_bevestigd": True}),
    ("deny", "rt_bevestigd", {"rt_bevestigd": False}),
])
def test_yes_no_buttons(intent, requested, expected):
    assert button_answer(intent, requested) == expected


@pytest.mark.asyncio
async def test_when_all_is_known_the_summary_is_asked():
    t = tracker({**KNOWN, "requested_slot": "rt_hbo_functie"}, "/deny", "deny")
    events = await ValidateRouteForm().run(CollectingDispatcher(), t, DOMAIN)
    assert {"event": "slot", "name": "requested_slot", "value": "rt_bevestigd", "timestamp": None} in events


@pytest.mark.asyncio
async def test_a_correction_at_the_summary_changes_the_profile():
    t = tracker({**KNOWN, "requested_slot": "rt_bevestigd"}, "nee, mijn opleiding is SPH", "deny")
    events = await ValidateRouteForm().run(CollectingDispatcher(), t, DOMAIN)
    as_dict = {e["name"]: e["value"] for e in events}
    assert as_dict["rt_diploma"] == "sph"
    assert as_dict["requested_slot"] == "rt_richting"  # SPH: with or without profiel Jeugd? (review issue 16, 39)


@pytest.mark.asyncio
async def test_no_at_the_summary_asks_what_is_wrong_and_gives_no_advice():
    t = tracker({**KNOWN, "requested_slot": "rt_bevestigd"}, "/deny", "deny")
    events = await ValidateRouteForm().run(CollectingDispatcher(), t, DOMAIN)
    assert {e["name"]: e["value"] for e in events}["requested_slot"] == "rt_wijzig"


@pytest.mark.asyncio
async def test_an_answer_that_mentions_skj_is_not_taken_for_a_question():
    t = tracker({"requested_slot": "rt_registratie"}, "ik was vroeger geregistreerd bij skj", "faq")
    events = await ValidateRouteForm().run(CollectingDispatcher(), t, DOMAIN)
    assert {e["name"]: e["value"] for e in events}["rt_registratie"] == "verlopen"


@pytest.mark.asyncio
async def test_summary_and_advice_actions():
    dispatcher = CollectingDispatcher()
    await ActionAskRouteBevestigd().run(dispatcher, tracker({**KNOWN}, "x"), {})
    assert dispatcher.messages[0]["text"].startswith("Dit heb ik begrepen:")
    dispatcher = CollectingDispatcher()
    await ActionRouteAdvies().run(dispatcher, tracker({**KNOWN}, "x"), {})
    text, payload = dispatcher.messages
    assert text["text"].startswith("Jouw fase: Op weg naar bevoegd.")
    assert payload["custom"]["type"] == "route_advies"
    assert [r["id"] for r in payload["custom"]["routes"]][0] == "zij_instroom_baan"


def test_profile_reads_the_slots():
    p = profiel({**KNOWN, "rt_werkervaring_maanden": 180.0, "rt_richting_gevraagd": True})
    assert p.werkervaring_maanden == 180 and p.richting_gevraagd and p.diploma == "hbo_niet_verwant"


def test_typed_text_is_read_by_the_fact_reader_not_by_diets_entities():
    message = {"text": "ik heb social work profiel jeugd", "intent": {"name": "inform"},
               "entities": [{"entity": "diploma", "value": "sph"}]}
    assert updates_from_message(message, "rt_diploma")["rt_diploma"] == "sw_jeugd"


def test_the_profile_answer_makes_social_work_qualifying():
    """Social Work, then "Jeugd" to the profile question, gives direct access (issue 16)."""
    message = {"text": "Jeugd", "intent": {"name": "inform"}}
    updates = updates_from_message(message, "rt_richting", {"rt_diploma": "social_work"})
    assert updates["rt_diploma"] == "sw_jeugd"


def test_a_level_with_the_profile_keeps_the_programme_named_before():
    """"hbo, profiel jeugd" to Social Work's profile question is hbo Social Work with profile
    Jeugd; "hbo" replaced the programme and the advice lost its direct registration."""
    slots = {"rt_diploma": "social_work", "rt_geraden": ["diploma"]}
    updates = updates_from_message({"text": "hbo, profiel jeugd", "intent": {"name": "inform"}}, "rt_richting", slots)
    assert updates["rt_diploma"] == "sw_jeugd" and "diploma" not in updates.get("rt_geraden", [])
    updates = updates_from_message({"text": "hbo, welzijn", "intent": {"name": "inform"}}, "rt_richting", slots)
    assert updates["rt_diploma"] == "sw_welzijn"


def test_a_profile_alone_keeps_the_guessed_level_open():
    """"jeugd" to the profile question of a "sociaal werk" without a level: hbo Social Work profile
    Jeugd, still with a '?' in the summary, because mbo Sociaal Werk exists too (review 11 of issue
    16, finding 2: it became direct registration without a check)."""
    slots = {"rt_diploma": "social_work", "rt_geraden": ["diploma"]}
    updates = updates_from_message({"text": "jeugd", "intent": {"name": "inform"}}, "rt_richting", slots)
    assert updates["rt_diploma"] == "sw_jeugd" and "diploma" in updates.get("rt_geraden", slots["rt_geraden"])


def test_an_mbo_answer_to_the_profile_question_makes_it_an_mbo_diploma():
    """Sociaal Werk exists at mbo level too (publieke-bronnen B.5; review 10 of issue 16, finding 5)."""
    updates = updates_from_message({"text": "mbo niveau 4", "intent": {"name": "inform"}}, "rt_richting",
                                   {"rt_diploma": "social_work", "rt_geraden": ["diploma"]})
    assert updates["rt_diploma"] == "mbo"


def _question(name):
    import yaml
    from pathlib import Path
    domain = yaml.safe_load((Path(__file__).parent.parent / "domain" / "routes.yml").read_text(encoding="utf-8"))
    [variant] = domain["responses"][name]
    return variant


def test_the_work_questions_count_ggz_and_gehandicaptenzorg_only_for_youth():
    """Review 3, finding 5: 'in de jeugdhulp, jeugdbescherming, ggz of gehandicaptenzorg' made adult
    ggz count as youth-care work (publieke-bronnen B.5: ggz and gehandicaptenzorg within jeugdhulp)."""
    for name in ("utter_ask_rt_hbo_functie", "utter_ask_rt_werkt_in_jeugdzorg"):
        text = _question(name)["text"]
        assert "jeugd-ggz" in text and "gehandicaptenzorg voor jeugd" in text, name
        assert "jeugdbescherming, ggz of gehandicaptenzorg" not in text, name


def test_a_bare_big_registration_asks_the_profession():
    """Review 3, finding 1: 'ik sta in het BIG-register' made anyone bevoegd."""
    updates = updates_from_message({"text": "ik sta in het BIG-register", "intent": {"name": "inform"}},
                                   "rt_registratie")
    assert updates["rt_registratie"] == "big"
    assert profiel(updates).registratie == "big"
    from bot.routes import advise
    assert advise(profiel(updates)).volgende_vraag == "big_beroep"
    button = {"text": '/inform{"big_beroep": "art3"}', "intent": {"name": "inform"},
              "entities": [{"entity": "big_beroep", "value": "art3"}]}
    assert updates_from_message(button, "rt_big_beroep")["rt_big_beroep"] == "art3"


def test_the_diploma_age_question_has_a_dont_know_button():
    """Review 3, finding 23: only 'Minder/Meer dan 5 jaar geleden', while the rules handle
    'weet niet' (kwalificerend_leeftijd_onbekend); not knowing is not guessed."""
    buttons = _question("utter_ask_rt_diploma_recent")["buttons"]
    [dont_know] = [b for b in buttons if b["payload"] == "/weet_niet"]
    assert "Weet ik niet" in dont_know["title"]
    assert button_answer("weet_niet", "rt_diploma_recent") == {"rt_diploma_recent": "weet_niet"}


def test_the_same_diploma_again_keeps_that_its_field_was_asked():
    """zi-b-022 (issue 15): "ja, sinds 2019 op hbo-niveau" to the work question named "hbo" again and
    reset the asked field, so the intake asked it once more and fell silent."""
    slots = {"rt_diploma": "hbo", "rt_richting": "had nog geen profiel gekozen", "rt_richting_gevraagd": True}
    updates = updates_from_message({"text": "ja, sinds 2019 op hbo-niveau", "intent": {"name": "affirm"}},
                                   "rt_hbo_functie", slots)
    assert "rt_richting_gevraagd" not in updates


@pytest.mark.asyncio
async def test_advice_with_an_open_question_clears_its_slot_so_the_form_asks_it():
    """Never silent: the form skips a filled slot, the advice would hand back to the form, again and again."""
    dispatcher = CollectingDispatcher()
    slots = {"rt_registratie": "geen", "rt_ambitie": "registratie", "rt_diploma": "hbo",
             "rt_richting": "weet ik niet", "rt_richting_gevraagd": False}
    events = await ActionRouteAdvies().run(dispatcher, tracker(slots, "x"), {})
    assert events[0] == {"event": "slot", "timestamp": None, "name": "rt_richting", "value": None}
    assert events[1]["name"] == "route_form" and dispatcher.messages == []


def test_a_wish_to_work_in_youth_care_is_not_working_there():
    """'wil in de jeugdzorg werken' was read as working in youth care: with a recent qualifying
    diploma that gave direct registration instead of the 45 EC route (SKJ: not working in
    jeugdhulp -> aanvullende scholing). Now the intake asks."""
    from bot.routes import advise
    message = {"text": "ik heb social work profiel jeugd, afgestudeerd in 2024, en wil in de jeugdzorg werken",
               "intent": {"name": "start_route"}}
    updates = updates_from_message(message, None)
    assert "rt_werkt_in_jeugdzorg" not in updates
    slots = {**updates, "rt_registratie": "geen", "rt_ambitie": "registratie"}
    assert advise(profiel(slots)).volgende_vraag == "werkt_in_jeugdzorg"


def test_registerplein_in_the_answer_to_the_registration_question_is_not_bevoegd():
    """Development half zi-a-020: 'bij skj niet en big ook niet. alleen registerplein' was read as a
    valid registration (phase bevoegd)."""
    from bot.routes import advise
    message = {"text": "bij skj niet en big ook niet. alleen registerplein", "intent": {"name": "inform"}}
    updates = updates_from_message(message, "rt_registratie")
    assert updates["rt_registratie"] == "geen" and updates["rt_ander_register"] == "registerplein"
    assert advise(profiel(updates)).volgende_vraag == "ambitie"
    summary = route_samenvatting_of(updates)
    assert "niet in het Kwaliteitsregister Jeugd (SKJ)" in summary and "Registerplein" in summary


def route_samenvatting_of(slots):
    from bot.antwoorden import route_samenvatting
    return route_samenvatting(profiel(slots), set())


@pytest.mark.asyncio
async def test_a_vaktherapeut_is_asked_how_he_will_work_and_the_buttons_answer_it():
    """Issue 16, finding 33: a vaktherapeut or paramedicus gets the question 'eigen vak of jeugd- en
    gezinsprofessional?'; the button sets the fact, 'Weet ik niet' too."""
    slots = {"rt_registratie": "geen", "rt_beroep": "vaktherapeut", "requested_slot": "rt_registratie"}
    assert ValidateRouteForm().next_slot(slots) == "rt_werkt_als"
    button = {"text": '/inform{"werkt_als": "eigen_vak"}', "intent": {"name": "inform"},
              "entities": [{"entity": "werkt_als", "value": "eigen_vak"}]}
    assert updates_from_message(button, "rt_werkt_als")["rt_werkt_als"] == "eigen_vak"
    assert button_answer("weet_niet", "rt_werkt_als") == {"rt_werkt_als": "weet_niet"}
    assert "Hoe wil je in de jeugdhulp werken?" in _question("utter_ask_rt_werkt_als")["text"]


@pytest.mark.asyncio
async def test_the_vaktherapeut_advice_offers_no_cost_and_duration_button():
    slots = {"rt_registratie": "geen", "rt_beroep": "vaktherapeut", "rt_werkt_als": "eigen_vak",
             "rt_bevestigd": True}
    dispatcher = CollectingDispatcher()
    await ActionRouteAdvies().run(dispatcher, tracker(slots, "x"), {})
    text, payload = dispatcher.messages
    assert "tenzij-bepaling" in text["text"]
    assert [b["title"] for b in text["buttons"]] == ["Iets aanpassen", "Overleggen met het deskundigenteam"]
    assert payload["custom"]["routes"] == [] and payload["custom"]["deskundigenteam"]


def test_a_vaktherapeut_can_correct_at_the_summary_that_he_will_work_as_a_professional():
    """The advice says: 'Wil je toch als jeugd- en gezinsprofessional werken? Kies dan Iets aanpassen.'"""
    message = {"text": "ik wil toch als jeugd- en gezinsprofessional werken", "intent": {"name": "inform"}}
    slots = {"rt_registratie": "geen", "rt_beroep": "vaktherapeut", "rt_werkt_als": "eigen_vak"}
    assert updates_from_message(message, "rt_bevestigd", slots)["rt_werkt_als"] == "jgp"
