"""Scripted conversations through the REST channel, for the scale test and `make bench`.

Each script is what a real user of one flow types, and says which custom payload (or text)
proves that the conversation reached its result. The same scripts drive both, so the
benchmark measures the conversations the scale test proves correct.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import requests


@dataclass(frozen=True)
class Script:
    name: str
    turns: tuple[str, ...]
    result: str  # a custom payload type, or "tekst:<words>" in the last reply

    def reached(self, last_reply: list[dict]) -> bool:
        if self.result.startswith("tekst:"):
            return self.result[6:] in "\n".join(m.get("text", "") for m in last_reply)
        return any((m.get("custom") or {}).get("type") == self.result for m in last_reply)


SCRIPTS = (
    Script("route", ("ik ben 45, heb hbo bedrijfskunde en werk 15 jaar bij de politie, kan ik de jeugdzorg in?",
                     "nee, nooit", '/inform{"ambitie": "registratie"}', "klopt"), "route_advies"),
    Script("werktoedeling", ("Mag een mbo-thuisbegeleider alleen bij een gezin waar huiselijk geweld speelt?",
                             '/inform{"werkveld": "jeugdhulp"}', "nee", "nee", "klopt"), "werktoedeling_advies"),
    Script("faq", ("hallo", "wat kost een skj registratie", "hoe lang is een skj registratie geldig"),
           "tekst:5 jaar geldig"),
    Script("overdracht", ("ik wil iemand spreken", "ja", "Sam", '/inform{"contactvoorkeur": "email"}',
                          "sam@voorbeeld.nl", "/affirm"), "overdracht"),
)


@dataclass
class Run:
    script: Script
    sender: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reached: bool = False


def play(base_url: str, script: Script, sender: str, session: requests.Session | None = None,
         between_turns=None) -> Run:
    """Plays one script; `between_turns(run, turn_index)` lets a test act mid-conversation."""
    http = session or requests.Session()
    run = Run(script, sender)
    reply: list[dict] = []
    for index, text in enumerate(script.turns):
        if between_turns:
            between_turns(run, index)
        started = time.perf_counter()
        try:
            response = http.post(f"{base_url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=60)
            response.raise_for_status()
            reply = response.json()
        except (requests.RequestException, ValueError) as error:
            run.errors.append(f"beurt {index}: {type(error).__name__}: {error}")
            reply = []
        run.latencies.append(time.perf_counter() - started)
    run.reached = script.reached(reply)
    return run
