"""Honest NLU evaluation: a held-out file that is never trained on, and 5-fold cross-validation.

    python -m devtools.nlu_eval            # held-out sets against models/wegwijzer.tar.gz
    python -m devtools.nlu_eval --cv       # and 5-fold cross-validation (trains five times)

Two held-out files, neither ever trained on (tests/nlu/README.md):
- `heldout.yml`, the test set: the targets are judged here. Look at its errors only to
  understand them; improve the training data from other examples.
- `ontwikkelset.yml`, the development set: its errors guide new training data (by kind,
  never by copying), so its scores are optimistic. Reported, no targets.

Labels are what the assistant acts on: the intent, or for the FAQ retrieval intent the
answer the ResponseSelector picked (`faq/evc`). A message the FallbackClassifier rejects
is predicted as `nlu_fallback` and counts as an error, also for out-of-scope messages:
the "did you mean…" reply is a safe reaction, but it is not recognising them.

Writes var/eval/rapport.md, rapport.json and verwarring_heldout.png (the test set); exits 1
when a target misses (issue 7: macro-F1 ≥ 0.92, out-of-scope recall ≥ 0.90, crisis recall 1.0).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
ONTWIKKELSET = ROOT / "tests" / "nlu" / "ontwikkelset.yml"
TRAINING = ROOT / "data" / "nlu"
MODEL = ROOT / "models" / "wegwijzer.tar.gz"
OUT = ROOT / "var" / "eval"
TARGETS = {"macro_f1": 0.92, "recall_out_of_scope": 0.90, "recall_crisis": 1.0}


@dataclass
class Example:
    text: str
    label: str
    entities: set[tuple[str, int, int]] = field(default_factory=set)


def read_examples(path: Path) -> list[Example]:
    """Reads Rasa NLU YAML with Rasa's own reader, so entity markup is parsed the same way."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    examples = []
    for message in data.intent_examples:
        label = message.get("intent_response_key") or message.get("intent")
        spans = {(e["entity"], e["start"], e["end"]) for e in message.get("entities") or []}
        examples.append(Example(message.get("text"), label, spans))
    return examples


def normalised(text: str) -> str:
    """Lower case, no accents, no punctuation: two messages that differ only so are the same."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text))


def predicted_label(parse: dict) -> str:
    intent = (parse.get("intent") or {}).get("name") or "nlu_fallback"
    if intent == "faq":
        selectors = parse.get("response_selector", {})  # "default" unless a selector names its intent
        answer = (selectors.get("faq") or selectors.get("default") or {}).get("response", {})
        return answer.get("intent_response_key") or "faq"
    return intent


async def _parse_all(model: Path, texts_per_set: list[list[str]]) -> list[list[dict]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))  # once: loading takes longer than parsing 500 messages
    parses = []
    for texts in texts_per_set:
        parses.append([await agent.parse_message(text) for text in texts])
    return parses


def predict(model: Path, *example_sets: list[Example]) -> list[list[tuple[str, set]]]:
    """Label and DIET entity spans per message, one list per example set."""
    parses = asyncio.run(_parse_all(model, [[e.text for e in s] for s in example_sets]))
    return [[(predicted_label(p), {(e["entity"], e["start"], e["end"])
                                   for e in p.get("entities", [])
                                   if e.get("extractor") == "DIETClassifier"}) for p in set_parses]
            for set_parses in parses]


def scores(examples: list[Example], predictions: list[tuple[str, set]]) -> dict:
    from sklearn.metrics import precision_recall_fscore_support

    truth = [e.label for e in examples]
    guess = [p[0] for p in predictions]
    labels = sorted(set(truth))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, guess, labels=labels, zero_division=0)
    per_label = {label: {"precision": round(float(p), 3), "recall": round(float(r), 3),
                         "f1": round(float(f), 3), "support": int(s)}
                 for label, p, r, f, s in zip(labels, precision, recall, f1, support)}
    confused = Counter((t, g) for t, g in zip(truth, guess) if t != g)
    return {
        "messages": len(examples),
        "accuracy": round(sum(t == g for t, g in zip(truth, guess)) / len(truth), 3),
        "macro_f1": round(float(sum(f1) / len(f1)), 3),
        "per_label": per_label,
        "worst_confused": [{"true": t, "predicted": g, "count": n}
                           for (t, g), n in confused.most_common(20)],
        "errors": [{"text": e.text, "true": e.label, "predicted": g}
                   for e, g in zip(examples, guess) if e.label != g],
        "entities": entity_scores(examples, predictions),
    }


def entity_scores(examples: list[Example], predictions: list[tuple[str, set]]) -> dict:
    """Exact span and type match, per entity type and micro-averaged."""
    kinds = sorted({k for e in examples for k, *_ in e.entities})
    result = {}
    for kind in kinds + ["alle"]:
        keep = (lambda k: True) if kind == "alle" else (lambda k, kind=kind: k == kind)
        tp = fp = fn = 0
        for example, (_, found) in zip(examples, predictions):
            truth = {s for s in example.entities if keep(s[0])}
            guess = {s for s in found if keep(s[0])}
            tp, fp, fn = tp + len(truth & guess), fp + len(guess - truth), fn + len(truth - guess)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        result[kind] = {"precision": round(p, 3), "recall": round(r, 3),
                        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "support": tp + fn}
    return result


def targets_met(result: dict) -> dict[str, bool]:
    per_label = result["per_label"]
    return {
        "macro_f1": result["macro_f1"] >= TARGETS["macro_f1"],
        "recall_out_of_scope": per_label["out_of_scope"]["recall"] >= TARGETS["recall_out_of_scope"],
        "recall_crisis": per_label["crisis"]["recall"] >= TARGETS["recall_crisis"],
    }


def plot_confusion(examples: list[Example], predictions: list[tuple[str, set]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import confusion_matrix

    truth = [e.label for e in examples]
    guess = [p[0] for p in predictions]
    labels = sorted(set(truth) | set(guess))
    matrix = confusion_matrix(truth, guess, labels=labels, normalize="true")
    fig, ax = plt.subplots(figsize=(14, 12))
    ax.imshow(matrix, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.set_xlabel("voorspeld")
    ax.set_ylabel("werkelijk")
    ax.set_title(f"Held-out set: {len(truth)} berichten (rijen genormaliseerd)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def cross_validate(folds: int = 5) -> dict:
    """Rasa's own k-fold cross-validation over the training data (intents and entities)."""
    out = OUT / "cv"
    subprocess.run([str(Path(sys.executable).parent / "rasa"), "test", "nlu", "--nlu", str(TRAINING),
                    "--config", str(ROOT / "config.yml"), "--cross-validation",
                    "--folds", str(folds), "--out", str(out)], check=True, cwd=ROOT)
    intents = json.loads((out / "intent_report.json").read_text())
    summary = {"folds": folds, "intent_macro_f1": round(intents["macro avg"]["f1-score"], 3),
               "intent_accuracy": round(intents.get("accuracy", 0.0), 3)}
    for name, key in [("response_selection_report.json", "faq_answer_macro_f1"),
                      ("DIETClassifier_report.json", "entity_macro_f1")]:
        if (out / name).exists():
            summary[key] = round(json.loads((out / name).read_text())["macro avg"]["f1-score"], 3)
    return summary


def _label_table(result: dict) -> list[str]:
    lines = ["| label | precisie | recall | F1 | aantal |", "|---|---|---|---|---|"]
    return lines + [f"| {k} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |"
                    for k, v in result["per_label"].items()]


def _summary(result: dict, with_targets: bool = True) -> list[str]:
    """The headline numbers; with the targets for the test set only."""
    recall = {k: result["per_label"][k]["recall"] for k in ("out_of_scope", "crisis")}
    goals = {"macro": f" (doel ≥ {TARGETS['macro_f1']})",
             "oos": f" (doel ≥ {TARGETS['recall_out_of_scope']})",
             "crisis": f" (doel {TARGETS['recall_crisis']})"} if with_targets else {}
    return [
        f"- intent macro-F1: **{result['macro_f1']}**{goals.get('macro', '')}",
        f"- out-of-scope recall: **{recall['out_of_scope']}**{goals.get('oos', '')}",
        f"- crisis recall: **{recall['crisis']}**{goals.get('crisis', '')}",
        f"- nauwkeurigheid: {result['accuracy']}",
        f"- entiteiten (exacte span) F1: {result['entities'].get('alle', {}).get('f1')}",
    ]


def write_report(result: dict, met: dict, cv: dict | None, ontwikkel: dict | None = None) -> Path:
    """rapport.md for people, rapport.json for tools; the test set first, with the targets."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "rapport.json").write_text(json.dumps(
        {"heldout": result, "ontwikkelset": ontwikkel, "targets": TARGETS, "targets_met": met,
         "cross_validation": cv}, ensure_ascii=False, indent=2))
    lines = ["# NLU-evaluatie", "",
             f"Testset: {result['messages']} berichten (`tests/nlu/heldout.yml`, nooit getraind).", ""]
    lines += _summary(result) + [""]
    if ontwikkel:
        lines += [f"Ontwikkelset: {ontwikkel['messages']} berichten (`tests/nlu/ontwikkelset.yml`, "
                  "nooit getraind, wel gebruikt om de trainingsdata te verbeteren; geen doelen).", ""]
        lines += _summary(ontwikkel, with_targets=False) + [""]
    if cv:
        lines += [f"{cv['folds']}-voudige kruisvalidatie op de trainingsdata: intent macro-F1 "
                  f"{cv['intent_macro_f1']}, nauwkeurigheid {cv['intent_accuracy']}, FAQ-antwoord "
                  f"macro-F1 {cv.get('faq_answer_macro_f1')}, entiteit macro-F1 {cv.get('entity_macro_f1')}.",
                  ""]
    lines += ["## Testset per label", ""] + _label_table(result)
    lines += ["", "## De 20 meest verwarde paren (testset)", ""]
    lines += [f"- {c['true']} → {c['predicted']}: {c['count']}" for c in result["worst_confused"]]
    lines += ["", "## Entiteiten (testset)", "", "| type | precisie | recall | F1 | aantal |",
              "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |"
              for k, v in result["entities"].items()]
    for name, res in [("testset", result), ("ontwikkelset", ontwikkel)]:
        if res:
            lines += ["", f"## Fouten ({name})", ""] + [
                f"- `{e['text']}`: {e['true']} → {e['predicted']}" for e in res["errors"]]
    path = OUT / "rapport.md"
    path.write_text("\n".join(lines) + "\n")
    return path


def evaluate_heldout(model: Path = MODEL) -> tuple[dict, dict, dict]:
    """Scores on the test set (with the targets met or not) and on the development set."""
    test, ontwikkel = read_examples(HELDOUT), read_examples(ONTWIKKELSET)
    test_predictions, ontwikkel_predictions = predict(model, test, ontwikkel)
    result = scores(test, test_predictions)
    OUT.mkdir(parents=True, exist_ok=True)
    plot_confusion(test, test_predictions, OUT / "verwarring_heldout.png")
    return result, targets_met(result), scores(ontwikkel, ontwikkel_predictions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="ook 5-voudige kruisvalidatie")
    args = parser.parse_args()
    cv = cross_validate() if args.cv else None
    result, met, ontwikkel = evaluate_heldout()
    report = write_report(result, met, cv, ontwikkel)
    print(report.read_text())
    print("Doelen gehaald." if all(met.values()) else f"Doel niet gehaald: {met}")
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
