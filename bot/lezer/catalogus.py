"""Finds catalogue items (tasks, workers, diplomas, ...) in what someone typed.

Every catalogue in bot/kennis/ lists the words people use for an item (`woorden`). A phrase
is found when its words occur in one clause of the message:
1. word for word, in order ("rapportages uitwerken");
2. as other forms of the same words, via spaCy's Dutch lookup lemmas ("notuleert",
   "uitwerken van de rapportages": any order within a short window);
3. with a typo ("stagaire", "jeugzorg"): only for a word that is not itself Dutch, and
   then the mention is marked as guessed (`zeker=False`), so the assistant checks it.
When several items match, the one mentioned first wins, and at the same place the longest.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from rapidfuzz import fuzz, process

from bot.lezer.tekst import BREAK, NEGATIONS, negated_at, normalise

TYPO_MIN_LENGTH = 5   # shorter words are too easily something else
TYPO_MIN_SCORE = 86   # rapidfuzz ratio; one wrong letter in a word of seven or more
WINDOW_SLACK = 3      # extra words allowed between the words of a phrase
# Words whose form carries the tense: they match only as written, never through their lemma.
TENSE_WORDS = frozenset({"geweest", "gestaan", "gehad", "was", "waren", "stond", "stonden", "had", "hadden"})


@dataclass(frozen=True)
class Vondst:
    """One mention of a catalogue item."""

    item: str
    start: int        # word index in the normalised message
    end: int
    negated: bool
    zeker: bool = True  # False when a word only matched with a typo
    exact: bool = True  # the phrase word for word, in order


@functools.lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    """spaCy's Dutch lookup lemmas (spacy-lookups-data): inflected form -> lemma."""
    import srsly
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    return dict(srsly.read_gzip_json(path))


@functools.lru_cache(maxsize=1)
def _dutch_words() -> frozenset[str]:
    table = _lemmas()
    return frozenset(table) | frozenset(table.values())


def lemma(word: str) -> str:
    return _lemmas().get(word, word)


# Separable verb particles: "stelt het plan vast" is "vaststellen", "werkt het uit" "uitwerken".
PARTICLES = frozenset({"uit", "vast", "op", "af", "aan", "in", "mee", "bij", "door", "terug",
                       "samen", "over", "na", "om", "toe"})


@functools.lru_cache(maxsize=8192)
def forms(word: str) -> frozenset[str]:
    """The word and the base forms it may stand for: its lookup lemma, a noun without its
    plural ending, a verb's infinitive ("werkt" -> "werken", "stelt" -> "stellen")."""
    out = {word, lemma(word)}
    if len(word) > 4:
        if word.endswith("'s"):
            out.add(word[:-2])
        elif word.endswith("s") and not word.endswith("ss"):
            out.add(word[:-1])
        if word.endswith("en") and len(word) > 5:
            base = word[:-2]
            out.add(base)
            if base[-1] == base[-2]:
                out.add(base[:-1])  # plannen -> plan
        if word.endswith("t") and not word.endswith("tt"):
            base = word[:-1]
            out |= {base, base + "en", base + base[-1] + "en"}
            if base.endswith("f"):
                out.add(base[:-1] + "ven")  # schrijft -> schrijven
            elif base.endswith("s"):
                out.add(base[:-1] + "zen")  # leest -> lezen
        if word.endswith("e"):
            out.add(word[:-1])
    return frozenset(out)


def _token_forms(tokens: list[str]) -> list[frozenset[str]]:
    """Forms per word, plus particle + verb at the end of a clause ("werkt ... uit")."""
    result = [forms(t) for t in tokens]
    clause_start = 0
    for i, token in enumerate(tokens + [BREAK]):
        if token != BREAK:
            continue
        last = i - 1
        if last > clause_start and tokens[last] in PARTICLES:
            particle = tokens[last]
            for j in range(clause_start, last):
                result[j] = result[j] | {particle + f for f in result[j]}
        clause_start = i + 1
    return result


def is_dutch_word(word: str) -> bool:
    return word in _dutch_words()


@functools.lru_cache(maxsize=4096)
def _phrase(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(phrase).split())


# Every word of every catalogue: a word that one catalogue knows exactly ("vaktherapeut") is
# not a typo for a word of another ("vaktherapie").
_CATALOGUE_WORDS: set[str] = set()
KNOWLEDGE = Path(__file__).resolve().parent.parent / "kennis"


@functools.lru_cache(maxsize=1)
def _knowledge_words() -> frozenset[str]:
    """Every word of every word list in bot/kennis/, loaded or not: whether "pm'er" (pedagogisch
    medewerker, in the employer's catalogue) is read as a typo for "pmt'er" must not depend on
    which reader happened to run first in this process."""
    import yaml

    words: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                if isinstance(value, str) and len(value.split()) <= 6:
                    words.update(normalise(value).split())
                else:
                    walk(value)

    for path in sorted(KNOWLEDGE.glob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(words)


class Catalogus:
    """Matches the phrases of one catalogue ({item: [phrases]}) against messages."""

    def __init__(self, words_by_item: Mapping[str, Iterable[str]]) -> None:
        self.phrases = [(item, _phrase(p)) for item, phrases in words_by_item.items()
                        for p in phrases if _phrase(p)]
        self.vocabulary = sorted({w for _, words in self.phrases for w in words if len(w) >= TYPO_MIN_LENGTH})
        _CATALOGUE_WORDS.update(w for _, words in self.phrases for w in words)

    def _correct(self, word: str) -> str | None:
        """The catalogue word a typo stands for, or None."""
        if len(word) < TYPO_MIN_LENGTH or is_dutch_word(word) or word in _CATALOGUE_WORDS \
                or word in _knowledge_words():
            return None
        found = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_MIN_SCORE)
        return found[0] if found else None

    def find_all(self, text: str) -> list[Vondst]:
        tokens = normalise(text).split()
        lemmas = _token_forms(tokens)
        corrected = {i: self._correct(t) for i, t in enumerate(tokens)}
        found: list[Vondst] = []
        for item, phrase in self.phrases:
            found += self._exact(item, phrase, tokens)
            found += self._loose(item, phrase, tokens, lemmas, corrected)
        found.sort(key=lambda v: (v.start, -(v.end - v.start), not v.exact, not v.zeker))
        return found

    def _exact(self, item: str, phrase: tuple[str, ...], tokens: list[str]) -> list[Vondst]:
        n = len(phrase)
        return [Vondst(item, i, i + n, negated_at(tokens, i, i + n))
                for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n]) == phrase]

    def _loose(self, item, phrase, tokens, lemmas, corrected) -> list[Vondst]:
        """Other word forms, another order, or a typo: every phrase word in one window that
        starts at a matching word and does not cross a clause break."""
        wanted = [forms(w) for w in phrase]
        found = []
        for start in range(len(tokens)):
            end = start
            while end < min(len(tokens), start + len(phrase) + WINDOW_SLACK) and tokens[end] != BREAK:
                end += 1
            positions: list[int] = []
            typo = False
            for want, word in zip(wanted, phrase):
                match = next(((j, how) for j in range(start, end) if j not in positions
                              for how in [self._word_matches(want, word, j, tokens, lemmas, corrected)]
                              if how), None)
                if match is None:
                    break
                positions.append(match[0])
                typo = typo or match[1] == "typo"
            else:
                if min(positions) != start:
                    continue
                literal = positions == list(range(start, start + len(phrase))) and all(
                    tokens[p] == w for p, w in zip(positions, phrase))
                if not literal:
                    last = max(positions) + 1
                    between = any(tokens[j] in NEGATIONS for j in range(start, last) if j not in positions)
                    found.append(Vondst(item, start, last, between or negated_at(tokens, start, last),
                                        zeker=not typo, exact=False))
        return found

    @staticmethod
    def _word_matches(want_forms, word, j, tokens, token_forms, corrected) -> str | None:
        if tokens[j] == word:
            return "word"
        if word in TENSE_WORDS:
            return None  # "geregistreerd geweest" is past; "geregistreerd kan zijn" is not (batch 7)
        if token_forms[j] & want_forms:
            return "word"
        if corrected[j] == word:
            return "typo"
        return None

    def first(self, text: str, skip_negated: bool = False) -> Vondst | None:
        """The item mentioned first (the longest phrase at the same place).

        With `skip_negated`, a mention after "geen", "niet", "zonder" ... does not count (for
        facts that can be denied, such as "geen goede band"; not for names of tasks or
        workers, where "zonder SKJ" is part of the description). A shorter phrase inside a
        longer mention ("geregistreerd" in "niet geregistreerd") is not a mention of its own.
        """
        for vondst in self.outermost(text):
            if not (skip_negated and vondst.negated):
                return vondst
        return None

    def outermost(self, text: str) -> list[Vondst]:
        """Mentions in order, leaving out those inside an earlier, longer one. A phrase found
        word for word beats a looser match that overlaps it ("master A&O-psychologie" is
        A&O-psychologie, not "master ... psychologie")."""
        found = self.find_all(text)
        exact = [v for v in found if v.exact]
        candidates = exact + [v for v in found if not v.exact
                              and not any(v.start < e.end and e.start < v.end for e in exact)]
        candidates.sort(key=lambda v: (v.start, -(v.end - v.start)))
        kept: list[Vondst] = []
        covered_until = -1
        for vondst in candidates:
            if vondst.start < covered_until:
                continue
            covered_until = vondst.end
            kept.append(vondst)
        return kept


@functools.lru_cache(maxsize=256)
def _cached(key: tuple[tuple[str, tuple[str, ...]], ...]) -> Catalogus:
    return Catalogus({item: list(words) for item, words in key})


def catalogus(words_by_item: Mapping[str, Iterable[str]]) -> Catalogus:
    """One Catalogus per distinct word list (catalogues are built once, used per message)."""
    return _cached(tuple((item, tuple(words)) for item, words in words_by_item.items()))


def from_entries(entries: Iterable[Mapping]) -> Catalogus:
    """A Catalogus for a catalogue given as entries with `id` and `woorden`."""
    return catalogus({entry["id"]: list(entry.get("woorden", [])) for entry in entries})
