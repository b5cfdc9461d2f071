"""The blind NLU set of issue 17: its test half against issue 17's targets, crisis both ways.

    python -m devtools.nlu_blind [--model PATH]   # report in var/eval/blind.md (+ .json, plot)

Written blind and frozen before tuning (tests/nlu/README.md, devtools/nlu_bevriezen.py). The
development half may guide new training data (by kind, never by copying); the test half is only
measured. Crisis is reported both ways: recall on the crisis messages (also the indirect ones,
and those typed as the answer to an intake question), and false alarms on the look-alikes.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

from devtools.nlu_eval import MODEL, OUT, ROOT, Example, plot_confusion, predict, read_examples, scores

BLIND = ROOT / "tests" / "nlu" / "blind"
TARGETS = {"macro_f1": 0.95, "recall_out_of_scope": 0.95, "recall_crisis": 1.0, "false_alarms": 0.03}


def kinds() -> dict[str, dict]:
    return yaml.safe_load((BLIND / "soorten.yml").read_text(encoding="utf-8")) or {}


def crisis_both_ways(examples: list[Example], guesses: list[str]) -> dict:
    kind = kinds()
    crisis = [(e, g) for e, g in zip(examples, guesses) if e.label == "crisis"]
    lookalikes = [(e, g) for e, g in zip(examples, guesses) if kind.get(e.text, {}).get("soort") == "lookalike"]

    def recall(pairs):
        return round(sum(g == "crisis" for _, g in pairs) / len(pairs), 3) if pairs else None
    return {
        "crisis": len(crisis), "recall": recall(crisis),
        "recall_indirect": recall([p for p in crisis if kind.get(p[0].text, {}).get("soort") == "crisis_indirect"]),
        "recall_in_formulier": recall([p for p in crisis if kind.get(p[0].text, {}).get("soort") == "crisis_in_formulier"]),
        "missed": [e.text for e, g in crisis if g != "crisis"],
        "lookalikes": len(lookalikes),
        "false_alarms": round(sum(g == "crisis" for _, g in lookalikes) / len(lookalikes), 3) if lookalikes else None,
        "false_alarm_texts": [e.text for e, g in lookalikes if g == "crisis"],
    }


def evaluate(model: Path = MODEL) -> dict:
    test, development = read_examples(BLIND / "toets.yml"), read_examples(BLIND / "ontwikkel.yml")
    test_pred, dev_pred = predict(model, test, development)
    OUT.mkdir(parents=True, exist_ok=True)
    plot_confusion(test, test_pred, OUT / "verwarring_blind.png")
    result = {}
    for name, examples, predictions in (("toets", test, test_pred), ("ontwikkel", development, dev_pred)):
        score = scores(examples, predictions)
        score["crisis_both_ways"] = crisis_both_ways(examples, [p[0] for p in predictions])
        result[name] = score
    t = result["toets"]
    result["targets"] = TARGETS
    result["targets_met"] = {
        "macro_f1": t["macro_f1"] >= TARGETS["macro_f1"],
        "recall_out_of_scope": t["per_label"]["out_of_scope"]["recall"] >= TARGETS["recall_out_of_scope"],
        "recall_crisis": t["crisis_both_ways"]["recall"] >= TARGETS["recall_crisis"],
        "false_alarms": t["crisis_both_ways"]["false_alarms"] <= TARGETS["false_alarms"],
    }
    return result


def headline(score: dict) -> dict:
    crisis = score["crisis_both_ways"]
    return {"berichten": score["messages"], "macro_f1": score["macro_f1"], "nauwkeurigheid": score["accuracy"],
            "recall_out_of_scope": score["per_label"]["out_of_scope"]["recall"], "recall_crisis": crisis["recall"],
            "recall_crisis_indirect": crisis["recall_indirect"], "recall_crisis_in_formulier": crisis["recall_in_formulier"],
            "valse_alarmen_lookalikes": crisis["false_alarms"]}


def write_report(result: dict) -> Path:
    (OUT / "blind.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    lines = ["# Blinde NLU-set (issue 17)", "",
             "Geschreven door schrijvers die `data/nlu` nooit zagen, bevroren vóór het bijstellen "
             "(`tests/nlu/blind/`). Doelen gelden voor de toetshelft.", ""]
    for name in ("toets", "ontwikkel"):
        lines += [f"## {name.capitalize()}helft", ""]
        lines += [f"- {k}: **{v}**" for k, v in headline(result[name]).items()]
        lines += [""]
    lines += ["Doelen: " + ", ".join(f"{k} {'gehaald' if v else 'niet gehaald'}"
                                     for k, v in result["targets_met"].items()), ""]
    t = result["toets"]
    lines += ["## De 20 meest verwarde paren (toetshelft)", ""]
    lines += [f"- {c['true']} → {c['predicted']}: {c['count']}" for c in t["worst_confused"]]
    lines += ["", "Verwarringsmatrix: `verwarring_blind.png`.", "", "## Gemiste crises (toetshelft)", ""]
    lines += [f"- `{m}`" for m in t["crisis_both_ways"]["missed"]] or ["- geen"]
    lines += ["", "## Valse alarmen op look-alikes (toetshelft)", ""]
    lines += [f"- `{m}`" for m in t["crisis_both_ways"]["false_alarm_texts"]] or ["- geen"]
    for name in ("toets", "ontwikkel"):
        lines += ["", f"## Fouten ({name}helft)", ""]
        lines += [f"- `{e['text']}`: {e['true']} → {e['predicted']}" for e in result[name]["errors"]]
    path = OUT / "blind.md"
    path.write_text("\n".join(lines) + "\n")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    args = parser.parse_args()
    result = evaluate(args.model)
    print(write_report(result).read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
