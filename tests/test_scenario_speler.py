"""The scenario player clicks the button a person who means a fact's `waarde` would click."""
from devtools.scenarios import classifier_unsure_in_last_turn, closest_button, fallback_in_last_turn

WORKERS = [
    {"title": "Een ondersteuner of mbo'er zonder registratie", "payload": '/inform{"medewerker": "ondersteuner"}'},
    {"title": "Een vaktherapeut of paramedicus, zoals een logopedist",
     "payload": '/inform{"medewerker": "vaktherapeut_paramedicus"}'},
    {"title": "Iemand uit een ander beroep", "payload": '/inform{"medewerker": "ander_beroep"}'},
]
YES_NO = [{"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"},
          {"title": "Weet ik niet", "payload": "/weet_niet"}]


def test_the_meaning_decides_not_the_words():
    # the words ("mbo4 Maatschappelijke Zorg") look more like the therapist button by letters
    assert closest_button(WORKERS, "niet_geregistreerd", "Twee mbo4 Maatschappelijke Zorg")["title"].startswith("Een onder")
    assert closest_button(WORKERS, "vaktherapeut_paramedicus", "pmt'er")["title"].startswith("Een vak")


def test_yes_no_and_unknown():
    assert closest_button(YES_NO, "weet_niet", "geen flauw idee")["payload"] == "/weet_niet"
    assert closest_button(YES_NO, "nee", "nope")["payload"] == "/deny"
    assert closest_button([], "ja", "ja") is None


def test_not_understood_is_what_the_person_sees():
    """An answer the form read is understood, even when the intent classifier fell back; the
    classifier's fallback is counted on its own (nlu_onzeker_per_gesprek)."""
    read = {"events": [{"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}},
                       {"event": "action", "name": "werktoedeling_form"}]}
    missed = {"events": [{"event": "user", "parse_data": {"intent": {"name": "inform"}}},
                         {"event": "bot", "metadata": {"utter_action": "utter_niet_begrepen"}}]}
    assert not fallback_in_last_turn(read) and classifier_unsure_in_last_turn(read)
    assert fallback_in_last_turn(missed) and not classifier_unsure_in_last_turn(missed)
