"""`make bench`: how fast one instance of the assistant is, measured against bare Rasa.

    python -m devtools.bench                 # full run (trains both models: ~5 min extra)
    python -m devtools.bench --geen-training # reuse models/wegwijzer.tar.gz; baseline still trained

Replays the scripted conversations of devtools/gesprekken.py (route, werktoedeling, FAQ,
handoff) through the REST channel at 1, 4, 16 and 32 concurrent users, after a warm-up;
reports per-turn latency p50/p95/p99, throughput, errors, reached results and the RSS of
every process; the same load against a bare Rasa model (one intent, one response, same
machine, same run) gives the ratio. Writes var/bench/resultaat.json and latentie.png.
A benchmark, not a test: nothing here fails on the machine's speed.
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from tqdm import tqdm

from devtools.gesprekken import SCRIPTS, Script, play
from devtools.stack import BIN, MODEL, ROOT, Service, Stack, free_port

OUT = ROOT / "var" / "bench"
CONCURRENCY = (1, 4, 16, 32)
TARGETS = {"p95_ms_bij_16": 150, "rss_mb_per_rasa": 1200}
BARE = Script("kaal", ("hallo", "hoi", "hallo daar", "hoi hoi"), "tekst:Hallo")
BARE_FILES = {
    "config.yml": "recipe: default.v1\nlanguage: nl\nassistant_id: kaal\npipeline:\n"
                  "  - name: WhitespaceTokenizer\n  - name: CountVectorsFeaturizer\n"
                  "  - name: DIETClassifier\n    epochs: 20\npolicies:\n  - name: RulePolicy\n",
    "domain.yml": 'version: "3.1"\nintents: [groet, doei]\nresponses:\n'
                  '  utter_groet: [{text: "Hallo!"}]\n  utter_doei: [{text: "Dag!"}]\n',
    "data/nlu.yml": 'version: "3.1"\nnlu:\n- intent: groet\n  examples: |\n    - hallo\n    - hoi\n'
                    '    - hallo daar\n    - hoi hoi\n- intent: doei\n  examples: |\n    - doei\n    - dag\n',
    "data/rules.yml": 'version: "3.1"\nrules:\n- rule: groet\n  steps:\n  - intent: groet\n'
                      '  - action: utter_groet\n- rule: doei\n  steps:\n  - intent: doei\n'
                      '  - action: utter_doei\n',
}


def train(data: Path, domain: Path, config: Path, out: Path, name: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "rasa"), "train", "--data", str(data), "--domain", str(domain),
                    "--config", str(config), "--out", str(out), "--fixed-model-name", name,
                    "--force"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load(url: str, scripts: tuple[Script, ...], users: int, conversations: int, label: str) -> dict:
    """`conversations` conversations, at most `users` at the same time."""
    plan = list(itertools.islice(itertools.cycle(scripts), conversations))
    sessions = [requests.Session() for _ in range(users)]
    with tqdm(total=sum(len(s.turns) for s in plan), desc=f"{label} ×{users}", unit="beurt") as bar:
        def one(index_script):
            index, script = index_script
            return play(url, script, f"bench-{uuid.uuid4().hex[:10]}", sessions[index % users],
                        between_turns=lambda run, turn: bar.update(1) if turn else None)
        started = time.perf_counter()
        with ThreadPoolExecutor(users) as pool:
            runs = list(pool.map(one, enumerate(plan)))
        seconds = time.perf_counter() - started
        bar.update(bar.total - bar.n)
    latencies = [t for run in runs for t in run.latencies]
    return {
        "gebruikers": users, "gesprekken": len(runs), "beurten": len(latencies),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "doorvoer_beurten_per_s": round(len(latencies) / seconds, 2),
        "fouten": sum(len(run.errors) for run in runs),
        "resultaat_bereikt": sum(run.reached for run in runs),
    }


def measure(label: str, model: Path, scripts: tuple[Script, ...], with_actions: bool) -> dict:
    stack = Stack(rasa_port=free_port(), action_port=free_port(), log_dir=OUT / "logs" / label,
                  env={"TRACKER_STORE_URL": f"sqlite:///{OUT / (label + '-tracker.db')}",
                       "DATABASE_URL": f"sqlite:///{OUT / (label + '-cases.db')}",
                       "OUTBOX_DIR": str(OUT / "outbox")})
    rasa = stack.rasa_service()
    rasa.argv[rasa.argv.index("--model") + 1] = str(model)
    services = [stack.action_service(), rasa] if with_actions else [rasa]
    try:
        start_seconds = stack.start(*services)
        for script in scripts:  # warm-up: every path once
            play(stack.rasa_url, script, f"warm-{uuid.uuid4().hex[:8]}")
        levels = [load(stack.rasa_url, scripts, users, max(8, 2 * users), label) for users in CONCURRENCY]
        memory = {s.name: round(rss_mb(s.process.pid), 1) for s in stack.services}
        return {"start_s": round(start_seconds, 1), "niveaus": levels, "rss_mb": memory}
    finally:
        stack.stop()


def plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for label, style in (("wegwijzer", "-o"), ("kaal", "--s")):
        levels = result[label]["niveaus"]
        users = [lvl["gebruikers"] for lvl in levels]
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            left.plot(users, [lvl[key] for lvl in levels], style, label=f"{label} {key[:3]}")
        right.plot(users, [lvl["doorvoer_beurten_per_s"] for lvl in levels], style, label=label)
    left.axhline(TARGETS["p95_ms_bij_16"], color="grey", linewidth=0.8, linestyle=":")
    left.set(xscale="log", yscale="log", xlabel="gelijktijdige gebruikers", ylabel="latentie per beurt (ms)",
             xticks=CONCURRENCY, xticklabels=[str(c) for c in CONCURRENCY])
    right.set(xscale="log", xlabel="gelijktijdige gebruikers", ylabel="beurten per seconde",
              xticks=CONCURRENCY, xticklabels=[str(c) for c in CONCURRENCY])
    left.legend(fontsize=7)
    right.legend(fontsize=7)
    fig.suptitle("Wegwijzer Jeugdzorg tegenover kale Rasa (REST, één instantie)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geen-training", action="store_true", help="bestaand model gebruiken")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result: dict = {"machine": {"cpu": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()}}
    if args.geen_training:
        if not MODEL.exists():
            sys.exit("Geen model: draai eerst make train.")
        result["training_s"] = None
    else:
        result["training_s"] = round(train(ROOT / "data", ROOT / "domain", ROOT / "config.yml",
                                           OUT / "model", "wegwijzer"), 1)
    model = MODEL if args.geen_training else OUT / "model" / "wegwijzer.tar.gz"
    bare = OUT / "kaal"
    for name, content in BARE_FILES.items():
        (bare / name).parent.mkdir(parents=True, exist_ok=True)
        (bare / name).write_text(content)
    result["training_kaal_s"] = round(train(bare / "data", bare / "domain.yml", bare / "config.yml",
                                            bare / "models", "kaal"), 1)
    result["wegwijzer"] = measure("wegwijzer", model, SCRIPTS, with_actions=True)
    result["kaal"] = measure("kaal", bare / "models" / "kaal.tar.gz", (BARE,), with_actions=False)
    result["verhouding"] = [
        {"gebruikers": ours["gebruikers"],
         "p95": round(ours["p95_ms"] / base["p95_ms"], 2),
         "doorvoer": round(ours["doorvoer_beurten_per_s"] / base["doorvoer_beurten_per_s"], 2)}
        for ours, base in zip(result["wegwijzer"]["niveaus"], result["kaal"]["niveaus"])]
    result["doelen"] = TARGETS
    (OUT / "resultaat.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    plot(result, OUT / "latentie.png")
    print(json.dumps({k: result[k] for k in ("training_s", "training_kaal_s", "verhouding")}, indent=2))
    for label in ("wegwijzer", "kaal"):
        print(label, "start", result[label]["start_s"], "s; RSS", result[label]["rss_mb"])
        for level in result[label]["niveaus"]:
            print("  ", level)
    print(f"Resultaat: {OUT / 'resultaat.json'} en {OUT / 'latentie.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
