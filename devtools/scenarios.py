"""Plays the blind scenarios (tests/scenarios/) against the running assistant, as a person would.

    python -m devtools.scenarios                    # both halves; starts its own servers
    python -m devtools.scenarios --helft toets      # only the test half (what CI runs)
    python -m devtools.scenarios --url http://127.0.0.1:5005 --token T   # a running Rasa

A scenario holds an opening in the person's own words and a free-text answer for every fact
the assistant may ask about. The player sends the opening, then reads which question is
pending (the form's `requested_slot`, from Rasa's tracker API: that is the player "reading the
question") and sends the person's answer for that fact, word for word. Only when the same
question comes again does it click the button closest to what the person meant (`waarde`).
It never sees the assistant's reasoning, only its questions and its final advice payload.

Reported per half and per audience (issue 15):
- outcome agreement: the verdict (employers) or the phase, the required routes and the
  handoff flag (side-entrants) equal the expected outcome;
- dangerous errors: a verdict more permissive than expected, a phase higher than expected,
  or a handoff that was expected and not given;
- answers not understood per conversation: a question asked again, or a fallback reply the
  person sees (the intent classifier's own fallback, when the form still read the answer, is
  reported beside it as nlu_onzeker_per_gesprek);
- openings sent to the wrong flow: the first intake that starts is not the person's.
Writes var/scenarios/<helft>.md (with every failure's transcript) and <helft>.json.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"
OUT = ROOT / "var" / "scenarios"
HALVES = ("ontwikkel", "toets")
MAX_TURNS = 30
TARGETS = {"overeenstemming": 0.95, "gevaarlijk": 0, "niet_begrepen_per_gesprek": 0.3, "verkeerde_flow": 0}

FLOW_OF_AUDIENCE = {"werkgever": "werktoedeling_form", "zij_instromer": "route_form"}
# The question behind each slot the assistant can ask, as the scenario's fact names it.
FACT_OF_SLOT = {
    "doelgroep": "wie",
    "wt_taak": "taak", "wt_taaksoort": "taak", "wt_werkveld": "werkveld",
    "wt_medewerker": "medewerker", "wt_geregistreerd": "registratie",
    "wt_opleiding": "opleiding", "wt_verantwoordelijke": "verantwoordelijke",
    "wt_onveilig_of_risicovol": "onveilig_of_risicovol",
    "wt_complexe_problemen": "complexe_problemen",
    "wt_grote_verantwoordelijkheid": "grote_verantwoordelijkheid",
    "wt_grote_impact": "grote_impact", "wt_tenzij_grond": "tenzij_grond",
    "wt_bevestigd": "bevestiging",
    "rt_registratie": "registratie", "rt_big_beroep": "registratie", "rt_ambitie": "ambitie", "rt_diploma": "diploma",
    "rt_richting": "richting", "rt_afgerond": "afgerond", "rt_diploma_recent": "diploma_jaar",
    "rt_werkt_in_jeugdzorg": "werkt_in_jeugdzorg", "rt_hbo_functie": "hbo_functie",
    "rt_werk": "werk", "rt_bevestigd": "bevestiging",
    # "eigen vak of jeugd- en gezinsprofessional?" (a vaktherapeut or paramedicus): the work they describe
    "rt_werkt_als": "werk",
}
# How permissive a verdict is: a higher rank where a lower one was expected is dangerous.
VERDICT_RANK = {"geregistreerd_vereist": 0, "deskundigenteam": 0, "onder_verantwoordelijkheid": 1,
                "tenzij_mogelijk": 1, "niet_geregistreerd_toegestaan": 2}
PHASE_RANK = {"bekwaam": 0, "op_weg_naar_bevoegd": 1, "bevoegd": 2}
YES_NO_TITLES = {"ja": ["ja", "klopt"], "nee": ["nee"], "weet_niet": ["weet ik niet"]}
# What a scenario's `waarde` (tests/scenarios/BRIEF.md) means in the buttons' payloads, where the
# words differ: a person who means "niet_geregistreerd" clicks the button for an ondersteuner.
PAYLOAD_VALUES = {"niet_geregistreerd": {"ondersteuner"}, "in_opleiding": {"student", "stagiair_of_zij_instromer"},
                  "geregistreerd": {"professional"}, "jeugdhulpaanbieder": {"jeugdhulp"},
                  "zzp_pgb": {"pgb_zzp"}, "nooit": {"geen"}, "geen": {"/deny"}}
FALLBACK_ACTIONS = {"action_fallback", "utter_niet_begrepen", "utter_fallback_deskundigenteam"}


# --- scenarios ------------------------------------------------------------------------

def load(half: str) -> list[dict[str, Any]]:
    return yaml.safe_load((SCENARIOS / f"{half}.yml").read_text(encoding="utf-8"))


# --- talking to the assistant ---------------------------------------------------------

@dataclass
class Client:
    url: str
    token: str

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        response = requests.post(f"{self.url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return response.json()

    def state(self, sender: str) -> dict[str, Any]:
        """Slots, the active form and the events of the latest turn."""
        response = requests.get(f"{self.url}/conversations/{sender}/tracker",
                                params={"token": self.token, "include_events": "AFTER_RESTART"},
                                timeout=30)
        response.raise_for_status()
        return response.json()


def pending_question(state: dict[str, Any]) -> tuple[str | None, str | None]:
    loop = (state.get("active_loop") or {}).get("name")
    return loop, (state.get("slots") or {}).get("requested_slot") if loop else None


def _last_turn(state: dict[str, Any]) -> list[dict[str, Any]]:
    events = state.get("events") or []
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return events[last_user:]


def fallback_in_last_turn(state: dict[str, Any]) -> bool:
    """Whether the person got a fallback reply ("dat begreep ik niet"): what they see."""
    turn = _last_turn(state)
    actions = {e.get("name") for e in turn if e.get("event") == "action"}
    uttered = {(e.get("metadata") or {}).get("utter_action") for e in turn if e.get("event") == "bot"}
    return bool((actions | uttered) & FALLBACK_ACTIONS)


def classifier_unsure_in_last_turn(state: dict[str, Any]) -> bool:
    """Whether the intent classifier fell back, whatever the form then read from the words:
    reported beside the count of answers not understood, not in it (the person saw no fallback)."""
    turn = _last_turn(state)
    return bool(turn) and ((turn[0].get("parse_data") or {}).get("intent") or {}).get("name") == "nlu_fallback"


def closest_button(buttons: list[dict[str, Any]], meaning: str, words: str) -> dict[str, Any] | None:
    """The button a person who means `meaning` (said as `words`) would click."""
    if not buttons:
        return None
    titles = YES_NO_TITLES.get(meaning)
    if titles:
        for button in buttons:
            if button["title"].lower().split(",")[0].strip() in titles:
                return button
    wanted = PAYLOAD_VALUES.get(meaning, {meaning})
    for button in buttons:
        payload = button.get("payload", "")
        if payload in wanted or set(re.findall(r'"([\w]+)"\s*}', payload)) & wanted:
            return button
    def score(button: dict[str, Any]) -> float:
        title = button["title"].lower()
        return max(fuzz.token_set_ratio(meaning.replace("_", " "), title),
                   fuzz.partial_ratio(words.lower(), title))
    return max(buttons, key=score)


# --- one conversation -------------------------------------------------------------------

@dataclass
class Result:
    scenario: dict[str, Any]
    transcript: list[tuple[str, str]] = field(default_factory=list)
    outcome: dict[str, Any] | None = None
    first_flow: str | None = None
    not_understood: int = 0
    classifier_unsure: int = 0
    stuck: str = ""

    @property
    def audience(self) -> str:
        return self.scenario["doelgroep"]

    @property
    def wrong_flow(self) -> bool:
        return self.first_flow is not None and self.first_flow != FLOW_OF_AUDIENCE[self.audience]

    @property
    def agrees(self) -> bool:
        expected, got = self.scenario["verwacht"], self.outcome
        if got is None:
            return False
        if self.audience == "werkgever":
            return (got.get("verdict") == expected["verdict"]
                    and (not expected.get("deskundigenteam") or offers_team(got)))
        # As for employers: the team must be offered where expected; an extra offer does not count
        # against (README: routes whose content the sources do not give come with the team).
        return (got.get("fase") == expected["fase"]
                and set(expected.get("routes", [])) <= {r["id"] for r in got.get("routes", [])}
                and (not expected.get("deskundigenteam") or bool(got.get("deskundigenteam"))))

    @property
    def dangerous(self) -> str:
        """Why this outcome is dangerous, or '' when it is not."""
        expected, got = self.scenario["verwacht"], self.outcome
        if got is None:
            return ""
        if self.audience == "werkgever":
            verdict = got.get("verdict")
            if expected["verdict"] == "deskundigenteam" and verdict != "deskundigenteam":
                return "deskundigenteam verwacht, niet gegeven"
            if expected.get("deskundigenteam") and not offers_team(got):
                return "deskundigenteam had erbij moeten staan"
            if VERDICT_RANK.get(verdict, 0) > VERDICT_RANK[expected["verdict"]]:
                return f"ruimer dan de norm: {verdict} waar {expected['verdict']} hoort"
            return ""
        if PHASE_RANK.get(got.get("fase"), 0) > PHASE_RANK[expected["fase"]]:
            return f"fase te hoog: {got.get('fase')} waar {expected['fase']} hoort"
        if expected.get("deskundigenteam") and not got.get("deskundigenteam"):
            return "deskundigenteam verwacht, niet gegeven"
        return ""


def offers_team(payload: dict[str, Any]) -> bool:
    """The advice hands off, or offers the team beside its verdict (an indicator answered
    "weet ik niet" makes the advice `onzeker`, which offers the team too)."""
    return (payload.get("verdict") == "deskundigenteam" or bool(payload.get("deskundigenteam"))
            or bool(payload.get("onzeker")))


def advice_in(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    for message in messages:
        custom = message.get("custom") or {}
        if custom.get("type") in ("werktoedeling_advies", "route_advies"):
            return custom
    return None


def bot_text(messages: list[dict[str, Any]]) -> str:
    lines = []
    for message in messages:
        if message.get("text"):
            lines.append(message["text"])
        if message.get("buttons"):
            lines.append("[" + " | ".join(b["title"] for b in message["buttons"]) + "]")
        if message.get("custom"):
            lines.append(f"<{message['custom'].get('type')}>")
    return "\n".join(lines)


def play(client: Client, scenario: dict[str, Any]) -> Result:
    result = Result(scenario)
    sender = f"scenario-{scenario['id']}-{uuid.uuid4().hex[:8]}"
    facts = scenario["feiten"]
    said = scenario["opening"]
    messages = client.say(sender, said)
    result.transcript += [("persoon", said), ("assistent", bot_text(messages))]
    asked: dict[tuple[str | None, str | None], int] = {}
    for _ in range(MAX_TURNS):
        result.outcome = advice_in(messages)
        if result.outcome:
            return result
        state = client.state(sender)
        loop, slot = pending_question(state)
        if loop in FLOW_OF_AUDIENCE.values() and result.first_flow is None:
            result.first_flow = loop
        buttons = [b for m in messages for b in m.get("buttons", [])]
        fallback = fallback_in_last_turn(state)
        result.classifier_unsure += classifier_unsure_in_last_turn(state)
        if loop is None:
            # No question pending (a fallback or an answer without a flow): a person picks
            # the button for what they came for, or says again who they are.
            result.not_understood += 1
            wie = facts.get("wie") or {}
            button = closest_button(buttons, scenario["doelgroep"], wie.get("antwoord", ""))
            if button is None or asked.get((None, None), 0) >= 2:
                result.stuck = "geen vraag open en geen knop om te kiezen"
                return result
            asked[(None, None)] = asked.get((None, None), 0) + 1
            said, payload = button["title"], button["payload"]
        else:
            fact = FACT_OF_SLOT.get(slot or "")
            if fact is None or fact not in facts:
                result.stuck = f"vraag zonder antwoord in het scenario: {loop}/{slot}"
                return result
            times = asked.get((loop, slot), 0)
            asked[(loop, slot)] = times + 1
            answer = facts[fact]
            if times == 0:
                said = payload = str(answer["antwoord"])
                result.not_understood += fallback  # understood nothing, but moved on
            else:
                result.not_understood += 1  # the same question again
                if times >= 3:
                    result.stuck = f"dezelfde vraag vier keer: {slot}"
                    return result
                button = closest_button(buttons, str(answer.get("waarde", "")), str(answer["antwoord"]))
                if button is None:
                    said = payload = str(answer.get("waarde", answer["antwoord"])).replace("_", " ")
                else:
                    said, payload = button["title"], button["payload"]
        messages = client.say(sender, payload)
        result.transcript += [("persoon", said), ("assistent", bot_text(messages))]
    result.stuck = f"geen advies na {MAX_TURNS} beurten"
    return result


# --- the report -----------------------------------------------------------------------------

def summarise(results: list[Result]) -> dict[str, Any]:
    by_audience: dict[str, Any] = {}
    for audience in FLOW_OF_AUDIENCE:
        group = [r for r in results if r.audience == audience]
        if not group:
            continue
        by_audience[audience] = {
            "gesprekken": len(group),
            "overeenstemming": round(sum(r.agrees for r in group) / len(group), 3),
            "gevaarlijk": sum(bool(r.dangerous) for r in group),
            "niet_begrepen_per_gesprek": round(sum(r.not_understood for r in group) / len(group), 2),
            "nlu_onzeker_per_gesprek": round(sum(r.classifier_unsure for r in group) / len(group), 2),
            "verkeerde_flow": sum(r.wrong_flow for r in group),
            "geen_uitkomst": sum(r.outcome is None for r in group),
        }
    return by_audience


def meets_targets(summary: dict[str, Any]) -> list[str]:
    """What misses issue 15's targets (empty when every target holds)."""
    misses = []
    for audience, numbers in summary.items():
        if numbers["overeenstemming"] < TARGETS["overeenstemming"]:
            misses.append(f"{audience}: overeenstemming {numbers['overeenstemming']:.1%}")
        for key in ("gevaarlijk", "verkeerde_flow"):
            if numbers[key] > TARGETS[key]:
                misses.append(f"{audience}: {key} {numbers[key]}")
        if numbers["niet_begrepen_per_gesprek"] > TARGETS["niet_begrepen_per_gesprek"]:
            misses.append(f"{audience}: niet begrepen {numbers['niet_begrepen_per_gesprek']} per gesprek")
    return misses


def describe(result: Result) -> str:
    s = result.scenario
    got = result.outcome or {}
    got_text = (got.get("verdict") if result.audience == "werkgever"
                else f"{got.get('fase')} {[r['id'] for r in got.get('routes', [])]} "
                     f"deskundigenteam={bool(got.get('deskundigenteam'))}") if got else "geen advies"
    lines = [f"### {s['id']} ({s['regel']})",
             f"- verwacht: {s['verwacht']}", f"- gekregen: {got_text}"]
    if result.dangerous:
        lines.append(f"- **gevaarlijk**: {result.dangerous}")
    if result.wrong_flow:
        lines.append(f"- verkeerde flow: {result.first_flow}")
    if result.stuck:
        lines.append(f"- vastgelopen: {result.stuck}")
    lines.append(f"- niet begrepen: {result.not_understood}")
    lines.append("")
    for who, text in result.transcript:
        prefix = "> **P:** " if who == "persoon" else "> A: "
        lines.append(prefix + text.replace("\n", "\n> "))
        lines.append(">")
    return "\n".join(lines)


def report(half: str, results: list[Result]) -> dict[str, Any]:
    summary = summarise(results)
    OUT.mkdir(parents=True, exist_ok=True)
    failures = [r for r in results if not r.agrees or r.wrong_flow or r.not_understood]
    lines = [f"# Scenario's: {half}", "", "| doelgroep | gesprekken | overeenstemming | gevaarlijk | "
             "niet begrepen per gesprek | verkeerde flow | geen uitkomst |", "|---|---|---|---|---|---|---|"]
    for audience, n in summary.items():
        lines.append(f"| {audience} | {n['gesprekken']} | {n['overeenstemming']:.1%} | {n['gevaarlijk']} | "
                     f"{n['niet_begrepen_per_gesprek']} | {n['verkeerde_flow']} | {n['geen_uitkomst']} |")
    lines += ["", f"## Gesprekken met een fout of een misverstand ({len(failures)})", ""]
    lines += [describe(r) + "\n" for r in failures]
    (OUT / f"{half}.md").write_text("\n".join(lines), encoding="utf-8")
    details = [{"id": r.scenario["id"], "agrees": r.agrees, "dangerous": r.dangerous,
                "not_understood": r.not_understood, "wrong_flow": r.wrong_flow, "stuck": r.stuck,
                "outcome": r.outcome} for r in results]
    (OUT / f"{half}.json").write_text(json.dumps({"samenvatting": summary, "gesprekken": details},
                                                 indent=1, ensure_ascii=False), encoding="utf-8")
    return summary


def run_half(client: Client, half: str, workers: int = 4) -> tuple[dict[str, Any], list[Result]]:
    scenarios = load(half)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda s: play(client, s), scenarios))
    return report(half, results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--helft", choices=HALVES, action="append")
    parser.add_argument("--url", help="a running Rasa server (else one is started)")
    parser.add_argument("--token", help="its API token (with --url)")
    args = parser.parse_args(argv)
    halves = args.helft or list(HALVES)

    stack = None
    if args.url:
        client = Client(args.url, args.token or "")
    else:
        from devtools.stack import Stack, free_port
        stack = Stack(rasa_port=free_port(), action_port=free_port(), log_dir=OUT / "logs",
                      env={"TRACKER_STORE_URL": f"sqlite:///{OUT / 'tracker.db'}",
                           "DATABASE_URL": f"sqlite:///{OUT / 'cases.db'}",
                           "OUTBOX_DIR": str(OUT / "outbox")})
        OUT.mkdir(parents=True, exist_ok=True)
        stack.start()
        client = Client(stack.rasa_url, stack.token)
    misses = []
    try:
        for half in halves:
            summary, _ = run_half(client, half)
            print(f"{half}: {json.dumps(summary, ensure_ascii=False)}  (rapport: {OUT / half}.md)")
            if half == "toets":
                misses = meets_targets(summary)
    finally:
        if stack:
            stack.stop()
    for miss in misses:
        print("doel niet gehaald:", miss, file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
