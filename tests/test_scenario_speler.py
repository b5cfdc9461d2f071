"""The scenario player clicks the button a person who means a fact's `waarde` would click."""
from devtools.scenarios import closest_button

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
