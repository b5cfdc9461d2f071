"""How well bot.privacy finds personal data, measured on the redaction corpus.

    python -m bot.privacy_meting tests/privacy/redactie_corpus.yml [-v]

Recall: an expected item counts as found when every character of it lies inside a span that
find_personal_data() returns (any label: for privacy it matters that it is gone).
Precision: a returned span counts as correct when it overlaps an expected item.
Both per label (recall by expected label, precision by returned label) and overall.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.privacy import find_personal_data, redact

LABELS = ("naam", "datum", "adres", "telefoon", "bsn", "iban", "e-mail")


@dataclass
class Meting:
    regels: int = 0
    bijna_treffers: int = 0
    verwacht: dict[str, int] = field(default_factory=dict)  # label -> expected items
    gevonden: dict[str, int] = field(default_factory=dict)  # label -> expected items covered
    gemeld: dict[str, int] = field(default_factory=dict)  # label -> returned spans
    terecht: dict[str, int] = field(default_factory=dict)  # label -> returned spans overlapping an item
    gemist: list[tuple[str, str, str]] = field(default_factory=list)  # (text, label, value)
    onterecht: list[tuple[str, str, str]] = field(default_factory=list)  # (text, label, redacted text)
    overgebleven: list[tuple[str, str]] = field(default_factory=list)  # (text, value still in redact())

    def recall(self, label: str | None = None) -> float:
        return _ratio(self.gevonden, self.verwacht, label)

    def precision(self, label: str | None = None) -> float:
        return _ratio(self.terecht, self.gemeld, label)


def _ratio(part: dict[str, int], whole: dict[str, int], label: str | None) -> float:
    n = whole.get(label, 0) if label else sum(whole.values())
    k = part.get(label, 0) if label else sum(part.values())
    return k / n if n else 1.0


def load(path: str | Path) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def expected_spans(tekst: str, verwacht: list[list[str]]) -> list[tuple[str, int, int]]:
    """Where each expected value stands in the text (a repeated value: its next occurrence)."""
    spans, used = [], set()
    for label, value in verwacht:
        start = tekst.find(value)
        while (start, value) in used:
            start = tekst.find(value, start + 1)
        if start < 0:
            raise ValueError(f"{value!r} staat niet in {tekst!r}")
        used.add((start, value))
        spans.append((label, start, start + len(value)))
    return spans


def meet(corpus: list[dict]) -> Meting:
    m = Meting()
    for regel in corpus:
        tekst, verwacht = regel["tekst"], regel["verwacht"] or []
        m.regels += 1
        m.bijna_treffers += not verwacht
        found = find_personal_data(tekst)
        for label, start, end in expected_spans(tekst, verwacht):
            m.verwacht[label] = m.verwacht.get(label, 0) + 1
            covered = set().union(*(range(s, e) for _, s, e in found))
            if set(range(start, end)) <= covered:
                m.gevonden[label] = m.gevonden.get(label, 0) + 1
            else:
                m.gemist.append((tekst, label, tekst[start:end]))
        expected = expected_spans(tekst, verwacht)
        for label, start, end in found:
            m.gemeld[label] = m.gemeld.get(label, 0) + 1
            if any(start < e and s < end for _, s, e in expected):
                m.terecht[label] = m.terecht.get(label, 0) + 1
            else:
                m.onterecht.append((tekst, label, tekst[start:end]))
        redacted = redact(tekst)
        m.overgebleven += [(tekst, value) for _, value in verwacht if value in redacted]
    return m


def tabel(m: Meting) -> str:
    rows = [f"{m.regels} regels, waarvan {m.bijna_treffers} bijna-treffers (verwacht: [])", "",
            f"{'label':<10}{'verwacht':>9}{'gevonden':>9}{'recall':>8}{'gemeld':>8}{'terecht':>8}{'precisie':>9}"]
    for label in (*LABELS, None):
        rows.append(
            f"{label or 'totaal':<10}"
            f"{(m.verwacht.get(label, 0) if label else sum(m.verwacht.values())):>9}"
            f"{(m.gevonden.get(label, 0) if label else sum(m.gevonden.values())):>9}{m.recall(label):>8.3f}"
            f"{(m.gemeld.get(label, 0) if label else sum(m.gemeld.values())):>8}"
            f"{(m.terecht.get(label, 0) if label else sum(m.terecht.values())):>8}{m.precision(label):>9.3f}"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("-")] or ["tests/privacy/redactie_corpus.yml"]
    m = meet(load(paths[0]))
    print(tabel(m))
    if "-v" in argv:
        for tekst, label, value in m.gemist:
            print(f"GEMIST    {label:<9} {value!r:<28} in {tekst!r}")
        for tekst, label, value in m.onterecht:
            print(f"ONTERECHT {label:<9} {value!r:<28} in {tekst!r}")
        for tekst, value in m.overgebleven:
            print(f"OVER      {value!r:<38} in {tekst!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
