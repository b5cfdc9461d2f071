"""Freezes the blind scenario suite once: applies the checkers' verdicts and splits 50/50.

    python -m devtools.scenario_split WORKDIR          # shows what it would write
    python -m devtools.scenario_split WORKDIR --write  # writes tests/scenarios/*
    python -m devtools.scenario_split WORKDIR --write --batch 2  # adds a new batch

A later batch is split on its own and added to the halves; the scenarios already frozen stay in
the half they were in (re-splitting them would move tuned-on scenarios into the test half).

WORKDIR holds the writers' files (`werkgever_*.yml`, `zij_instromer_*.yml`) and the checkers'
files (`check_*.yml`: a list of {id, oordeel: goed|corrigeer|inconsistent|onbeslist, wordt, ...}).
A `corrigeer` or `inconsistent` entry with `wordt` (the corrected `verwacht`, or changed facts
under `feiten`) is applied; one without `wordt`, and every `onbeslist`, drops the scenario:
the knowledge base does not decide it. The split is stratified by audience and expected
outcome, with a fixed seed, so it is the same every time; it is run once, before any code is
changed for the suite (tests/scenarios/README.md).
"""
from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261203
OUT = Path(__file__).resolve().parent.parent / "tests" / "scenarios"


def outcome(scenario: dict) -> str:
    expected = scenario["verwacht"]
    return str(expected.get("verdict") or expected.get("fase"))


def apply_checks(scenarios: list[dict], checks: list[dict]) -> tuple[list[dict], list[dict]]:
    by_id = {s["id"]: s for s in scenarios}
    log = []
    for check in checks:
        scenario = by_id.get(check.get("id"))
        if scenario is None or check.get("oordeel") == "goed":
            continue
        change = check.get("wordt")
        if check.get("oordeel") in ("corrigeer", "inconsistent") and change:
            if isinstance(change, dict) and "feiten" in change:
                for fact, value in change["feiten"].items():
                    scenario["feiten"][fact] = value
                change = {k: v for k, v in change.items() if k != "feiten"}
            if isinstance(change, dict) and change:
                scenario["verwacht"] = change.get("verwacht", change)
            log.append({**check, "gevolg": "aangepast"})
        else:
            by_id.pop(scenario["id"])
            log.append({**check, "gevolg": "weggelaten"})
    return list(by_id.values()), log


def split(scenarios: list[dict]) -> tuple[list[dict], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for scenario in scenarios:
        groups[(scenario["doelgroep"], outcome(scenario))].append(scenario)
    rng = random.Random(SEED)
    development, test = [], []
    turn = 0
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda s: s["id"])
        rng.shuffle(members)
        for scenario in members:  # alternate across groups, so odd groups even out
            (development if turn % 2 == 0 else test).append(scenario)
            turn += 1
    return sorted(development, key=lambda s: s["id"]), sorted(test, key=lambda s: s["id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--batch", type=int, default=1, help="2 or more: add to the frozen halves")
    args = parser.parse_args()
    scenarios = [s for path in sorted(args.workdir.glob("werkgever_*.yml"))
                 + sorted(args.workdir.glob("zij_instromer_*.yml"))
                 for s in yaml.safe_load(path.read_text(encoding="utf-8"))]
    checks = [c for path in sorted(args.workdir.glob("check_*.yml"))
              for c in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    kept, log = apply_checks(scenarios, checks)
    development, test = split(kept)
    frozen = {name: (yaml.safe_load((OUT / f"{name}.yml").read_text(encoding="utf-8")) or [])
              if args.batch > 1 else [] for name in ("ontwikkel", "toets")}
    frozen_ids = {s["id"] for half in frozen.values() for s in half}
    if frozen_ids & {s["id"] for s in kept}:
        raise SystemExit("these ids are frozen already: " + ", ".join(sorted(frozen_ids & {s["id"] for s in kept})))
    for entry in log:
        entry["batch"] = args.batch
    for name, half in (("ontwikkel", development), ("toets", test)):
        counts = defaultdict(int)
        for scenario in half:
            counts[f"{scenario['doelgroep']}:{outcome(scenario)}"] += 1
        print(name, len(half), dict(sorted(counts.items())))
    print(f"{len(scenarios)} geschreven, {sum(1 for e in log if e['gevolg'] == 'aangepast')} aangepast, "
          f"{sum(1 for e in log if e['gevolg'] == 'weggelaten')} weggelaten")
    if args.write:
        header = "# Blind scenario suite, frozen in batches (batch 1: 2026-12-03); see README.md. {half}\n"
        for name, half, note in (("ontwikkel", development, "Development half: may guide changes."),
                                 ("toets", test, "Test half: measured only, never tuned on.")):
            text = yaml.safe_dump(frozen[name] + half, allow_unicode=True, sort_keys=False, width=110)
            (OUT / f"{name}.yml").write_text(header.format(half=note) + text, encoding="utf-8")
        earlier = json.loads((OUT / "controle.json").read_text(encoding="utf-8")) if args.batch > 1 else []
        (OUT / "controle.json").write_text(json.dumps(earlier + log, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
