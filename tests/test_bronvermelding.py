"""How a user sees the sources: title and year, at most a short readable place, never the
codes of our own knowledge files (issue 16 audit, items 52 and 53; the 'kosteloos' of item 46).

Checked for every advice text and payload the engines produce for the cases in
tests/cases/*.yml (the advice cases and the facts the text cases read), and for every
place in the rule data on its own."""
import dataclasses
import json
import re
from pathlib import Path

import pytest
import yaml

from bot import antwoorden, routes, werktoedeling
from bot.bronnen import cite, leesbare_plek, registry
from tests.test_werktoedeling import references

CASES = Path(__file__).parent / "cases"

LEFTOVER = re.compile(
    r"\[\d{3}\b|\bL\d{2,}\b"                      # line keys: [003 L1239-1241]
    r"|\bR\d+[a-z]?\b"                            # the magazine's recommendation numbers: R14, R17d
    r"|§"                                         # sections of our knowledge files: §6.11 en §6.13
    r"|(?:^|[;:(\n])[ \t]*[a-e](?:\s*-\s*[a-e]|\s+en\s+[a-e])?:"  # what was left of "R17d-e:", "R17a en R17e:"
    r"|(?i:publieke-bronnen|kennisbank)"          # our own knowledge files by name
    r"|(?i:kosteloos)"                            # a promise from a place (item 46)
)
# Fields of a payload that are ids for machines, not text for the user.
IDS = {"type", "verdict", "regel", "fase", "id", "antwoord"}


def _situatie(facts: dict) -> werktoedeling.Situatie:
    return werktoedeling.Situatie(**facts)


def _profiel(facts: dict) -> routes.Profiel:
    known = {f.name for f in dataclasses.fields(routes.Profiel)}
    return routes.Profiel(**{k: v for k, v in facts.items() if k in known})


def _cases(name: str, key: str):
    for case in yaml.safe_load((CASES / name).read_text(encoding="utf-8")):
        yield f"{name}: {case.get('naam') or case.get('tekst')}", case[key]


def _user_strings(node, key=""):
    """Every string in a payload a user may see (ids left out)."""
    if isinstance(node, dict):
        for k, value in node.items():
            if k not in IDS:
                yield from _user_strings(value, k)
    elif isinstance(node, list):
        for value in node:
            yield from _user_strings(value, key)
    elif isinstance(node, str):
        yield node


def outputs():
    """(where, text) for every text and payload string the engines produce for the cases."""
    regels = werktoedeling.rules()
    for where, facts in [*_cases("werktoedeling.yml", "gegeven"), *_cases("werktoedeling_tekst.yml", "herkend")]:
        advies = werktoedeling.evaluate(_situatie(facts))
        yield f"samenvatting {where}", antwoorden.werktoedeling_samenvatting(_situatie(facts), "mijn taak", set(facts))
        if advies.klaar:
            yield f"advies {where}", antwoorden.werktoedeling_tekst(advies)
            yield f"waarom {where}", antwoorden.werktoedeling_waarom(advies, regels)
            yield f"payload {where}", "\n".join(_user_strings(advies.payload()))
    for where, facts in [*_cases("routes.yml", "gegeven"), *_cases("routes_tekst.yml", "herkend")]:
        advies = routes.advise(_profiel(facts))
        yield f"samenvatting {where}", antwoorden.route_samenvatting(_profiel(facts), set(facts))
        if advies.klaar:
            yield f"advies {where}", antwoorden.route_tekst(advies)
            yield f"kosten en duur {where}", antwoorden.route_kosten_duur(advies)
            yield f"payload {where}", "\n".join(_user_strings(advies.payload()))
    yield "kosten en duur zonder advies", antwoorden.route_kosten_duur(routes.advise(routes.Profiel()))


OUTPUTS = list(outputs())



REFERENCES = [r for data in (werktoedeling.rules(), routes.data()) for r in references(data) if "plek" in r]


def test_there_is_enough_to_check():
    assert len([w for w, _ in OUTPUTS if w.startswith("payload")]) > 100
    assert len([w for w, _ in OUTPUTS if w.startswith("waarom")]) > 40
    assert len(REFERENCES) > 200


def test_the_check_catches_what_the_audit_found():
    """The leftovers of items 52, 53 and 46, as the chat and the widget showed them."""
    for shown in [
        "Samen werken aan professionalisering (2018): vier indicatoren, vraag 3; d-e: dan is de inzet",
        "Samen werken aan professionalisering (2018): a en e: specifieke vaardigheden",
        "Samen werken aan professionalisering (2018): d: de bestaande relatie",
        "Wegwijzer Jeugdzorg: dit staat niet duidelijk in onze bronnen (2026): §6.11 en §6.13",
        "R14: als er één indicator knippert [003 L1289-1290]; R12 [003 L1239-1241]",
        "AlleKansenBenut!, speerpunten (2024), deskundigenteam, kosteloos [000 L80-84]",
        "§6.4: buitenlandse diploma's; publieke-bronnen B.11: SKJ-regels niet gevonden",
    ]:
        assert LEFTOVER.search(shown), shown
    for fine in ["Wegwijzer Jeugdzorg: dit staat niet duidelijk in onze bronnen (2026)",
                 "Kwaliteitskader Jeugd V2.1, p. 6 (2023): onderdeel 2",
                 "SKJ (zonder datum): indicator 3: onveilige omgeving", "- Dit speelt: een crisis."]:
        assert not LEFTOVER.search(fine), fine


@pytest.mark.parametrize("where,text", OUTPUTS, ids=[w for w, _ in OUTPUTS])
def test_no_internal_code_reaches_a_user(where, text):
    match = LEFTOVER.search(text)
    assert not match, f"{match.group(0)!r} in: {text[max(0, match.start() - 80):match.end() + 40]}"


@pytest.mark.parametrize("reference", REFERENCES, ids=[f"{r['bron']}: {str(r['plek'])[:40]}" for r in REFERENCES])
def test_every_place_in_the_rule_data_is_shown_clean_or_not_at_all(reference):
    """Also places that no case reaches: the readable place has no code, is short, and the list
    of open questions (our own knowledge base) shows none."""
    [bron] = cite([reference])
    assert bron.plek == str(reference["plek"]), "the raw place stays for maintainers"
    assert not LEFTOVER.search(bron.plaats), bron.plaats
    assert len(bron.plaats.split()) <= 12, bron.plaats
    if not registry()[reference["bron"]].get("plek_tonen", True):
        assert bron.plaats == ""
    jaar = "" if bron.jaar == "geen" else bron.jaar
    assert bron.voor_lezer() == {"titel": bron.titel, "jaar": jaar, "plaats": bron.plaats, "url": bron.url}


def test_our_own_list_of_open_questions_is_cited_without_a_year():
    """Review 8, finding 27: the assistant's own list of what the sources leave open is no
    dated source, so it is named without a year (it said 2026, as if it were published)."""
    [bron] = cite([{"bron": "kennisbank_open_vragen", "plek": "kennisbank §6.3"}])
    assert bron.kort() == "Wegwijzer Jeugdzorg: dit staat niet duidelijk in onze bronnen"
    assert bron.voor_lezer()["jaar"] == ""


def test_the_payload_gives_the_widget_the_readable_place_and_not_the_raw_one():
    situatie = werktoedeling.Situatie(**next(facts for _, facts in _cases("werktoedeling.yml", "gegeven")
                                             if werktoedeling.evaluate(_situatie(facts)).klaar))
    payloads = [werktoedeling.evaluate(situatie).payload(),
                routes.advise(_profiel(yaml.safe_load((CASES / "routes.yml").read_text(encoding="utf-8"))[0]
                                       ["gegeven"])).payload()]
    for payload in payloads:
        assert payload["bronnen"]
        for bron in payload["bronnen"]:
            assert set(bron) == {"titel", "jaar", "plaats", "url"}, bron
    assert "plek" not in json.dumps(payloads)


def test_a_place_keeps_what_locates_and_drops_codes_notes_and_promises():
    assert leesbare_plek("R14: als er één indicator knippert [003 L1289-1290]") == "als er één indicator knippert"
    assert leesbare_plek("R17d-e: dan is de inzet noodzakelijk voor de kwaliteit van de hulp [003 L1419-1425]") == ""
    assert leesbare_plek("R14 en R12 [003 L1239-1241, L1289-1290]") == ""
    assert leesbare_plek("onderdeel 2 [001 L1986-1992]") == "onderdeel 2"
    assert leesbare_plek("deskundigenteam, kosteloos [000 L80-84]") == "deskundigenteam"
    assert leesbare_plek("eisen master-psycholoog: jeugdvakkenpakket of 2 jaar voltijd werkervaring; "
                         "BAPD van het NIP; VOG hoogstens 3 maanden") == "VOG hoogstens 3 maanden"
