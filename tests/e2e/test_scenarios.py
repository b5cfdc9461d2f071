"""The blind scenario suite's test half, played through the real servers (issue 15).

Written by people outside the project from ../shared/kennis/ only; see tests/scenarios/README.md.
The development half guides changes; this half is only measured. The targets are issue 15's."""
import json

import pytest

from devtools.scenarios import SCENARIOS, Client, load, meets_targets, run_half

# The test half's numbers as last measured and recorded in the closing note (tests/scenarios/
# stand.json). Until issue 15's targets hold, CI guards against getting worse than this; one
# conversation of slack per audience, because a model trained on another machine may differ.
STAND = SCENARIOS / "stand.json"

# Until the blind suite is written, checked and frozen (issue 15 stays open until then), these
# tests say so instead of passing: a skip is reported, never counted as a pass.
pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not (SCENARIOS / "toets.yml").exists(),
    reason="blind scenario suite not frozen yet (tests/scenarios/README.md, issue 15)")]


def test_the_scenario_files_are_complete_and_disjoint():
    development, test = load("ontwikkel"), load("toets")
    assert not {s["id"] for s in development} & {s["id"] for s in test}
    for half in (development, test):
        audiences = [s["doelgroep"] for s in half]
        assert audiences.count("werkgever") >= 10 and audiences.count("zij_instromer") >= 10
    for scenario in development + test:
        assert scenario["opening"] and scenario["verwacht"] and scenario["regel"]


def test_the_test_half_meets_the_targets_or_is_no_worse_than_recorded(assistant):
    summary, results = run_half(Client(assistant.url, assistant.stack.token), "toets")
    print(summary)  # also in var/scenarios/toets.md, with every failure's transcript
    misses = meets_targets(summary)
    if not misses:
        return
    recorded = json.loads(STAND.read_text(encoding="utf-8"))["toets"]
    for audience, numbers in summary.items():
        # one conversation, plus the rounding of both numbers to three decimals
        before, slack = recorded[audience], 1 / numbers["gesprekken"] + 0.001
        assert numbers["overeenstemming"] >= before["overeenstemming"] - slack, (audience, numbers, misses)
        assert numbers["gevaarlijk"] <= before["gevaarlijk"] + 1, (audience, numbers, misses)
        assert numbers["verkeerde_flow"] <= before["verkeerde_flow"] + 1, (audience, numbers, misses)
    print("issue 15's targets not met yet:", misses)
