"""Freezes the blind NLU set of issue 17 once: drops what the checkers found ambiguous or what is
also in the training data, and splits 50/50 per label with a fixed seed.

    python -m devtools.nlu_bevriezen WORKDIR          # shows what it would write
    python -m devtools.nlu_bevriezen WORKDIR --write  # writes tests/nlu/blind/*
    python -m devtools.nlu_bevriezen WORKDIR --write --batch 2  # adds a later batch

A later batch (its own WORKDIR) is split on its own and added; frozen messages stay in their half.

WORKDIR holds the writers' files: `set_*.yml` in Rasa NLU YAML, and `set_crisis.yml` with
crisis_direct, crisis_indirect, crisis_in_formulier ({vraag, bericht}) and lookalikes ({label,
bericht}); and the checkers' `check_*.yml` ({bericht, label, oordeel: ander_label|dubbelzinnig,
wordt}). `soorten.yml` keeps which messages are indirect crises, crises typed inside a form (with
the question they answer) and look-alikes, for the crisis numbers and the e2e test.
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

import yaml

from devtools.nlu_eval import TRAINING, normalised, read_examples

SEED = 20261204
OUT = Path(__file__).resolve().parent.parent / "tests" / "nlu" / "blind"


def _lines(block: str) -> list[str]:
    return [line.strip()[2:].strip() for line in block.splitlines() if line.strip().startswith("- ")]


def collect(workdir: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """message -> label, and message -> its kind (crisis_indirect, crisis_in_formulier, lookalike)."""
    labels, kinds = {}, {}
    for path in sorted(workdir.glob("set_*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "nlu" in data:
            for block in data["nlu"]:
                for text in _lines(block["examples"]):
                    labels[text] = block["intent"]
            continue
        for kind in ("crisis_direct", "crisis_indirect", "crisis_in_formulier"):
            for entry in data.get(kind, []):
                text = entry["bericht"] if isinstance(entry, dict) else entry
                labels[text] = "crisis"
                if kind != "crisis_direct":
                    kinds[text] = {"soort": kind, **({"vraag": entry["vraag"]} if isinstance(entry, dict) else {})}
        for entry in data.get("lookalikes", []):
            labels[entry["bericht"]] = entry["label"]
            kinds[entry["bericht"]] = {"soort": "lookalike"}
    return labels, kinds


def apply_checks(labels: dict[str, str], workdir: Path) -> list[dict]:
    log = []
    for path in sorted(workdir.glob("check_*.yml")):
        for check in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            text = check["bericht"]
            if text not in labels:
                continue
            if check["oordeel"] == "ander_label" and check.get("wordt"):
                labels[text] = check["wordt"]
                log.append({**check, "gevolg": "ander label"})
            else:
                del labels[text]
                log.append({**check, "gevolg": "weggelaten"})
    return log


def drop_training_duplicates(labels: dict[str, str]) -> list[str]:
    trained = {normalised(e.text) for path in sorted(TRAINING.glob("*.yml")) for e in read_examples(path)}
    dropped = [t for t in labels if normalised(t) in trained]
    for text in dropped:
        del labels[text]
    return dropped


def split(labels: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for text, label in sorted(labels.items()):
        by_label[label].append(text)
    rng = random.Random(SEED)
    development, test = defaultdict(list), defaultdict(list)
    turn = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for text in members:  # alternate, so odd-sized labels even out across labels
            (test if turn % 2 == 0 else development)[label].append(text)
            turn += 1
    return development, test


def nlu_yaml(half: dict[str, list[str]], note: str) -> str:
    lines = ['version: "3.1"', f"# {note} Blind set of issue 17; see tests/nlu/README.md.", "nlu:"]
    for label in sorted(half):
        lines += [f"- intent: {label}", "  examples: |"]
        lines += [f"    - {text}" for text in sorted(half[label])]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--batch", type=int, default=1)
    args = parser.parse_args()
    labels, kinds = collect(args.workdir)
    written = len(labels)
    log = apply_checks(labels, args.workdir)
    duplicates = drop_training_duplicates(labels)
    development, test = split(labels)
    if args.batch > 1:  # the frozen halves first, unchanged
        for name, half in (("ontwikkel", development), ("toets", test)):
            for example in read_examples(OUT / f"{name}.yml"):
                half[example.label].append(example.text)
    print(f"{written} geschreven, {len(log)} na controle aangepast of weggelaten, "
          f"{len(duplicates)} ook in de trainingsdata: {len(labels)} over")
    for name, half in (("ontwikkel", development), ("toets", test)):
        print(name, sum(len(v) for v in half.values()), {k: len(v) for k, v in sorted(half.items())})
    if args.write:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "ontwikkel.yml").write_text(nlu_yaml(development, "Development half: may guide changes."), encoding="utf-8")
        (OUT / "toets.yml").write_text(nlu_yaml(test, "Test half: measured only, never tuned on."), encoding="utf-8")
        kept = {t: k for t, k in kinds.items() if t in labels}
        earlier = {"controle": [], "ook_in_trainingsdata": []}
        if args.batch > 1:
            kept = {**yaml.safe_load((OUT / "soorten.yml").read_text(encoding="utf-8")), **kept}
            earlier = yaml.safe_load((OUT / "controle.yml").read_text(encoding="utf-8"))
        (OUT / "soorten.yml").write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=True, width=120), encoding="utf-8")
        record = {"controle": earlier["controle"] + [{**c, "batch": args.batch} for c in log],
                  "ook_in_trainingsdata": earlier["ook_in_trainingsdata"] + duplicates}
        (OUT / "controle.yml").write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120),
                                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
