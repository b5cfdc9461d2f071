"""Text as the readers see it: normalised words, clauses, and whether a word is negated.

Chat Dutch is typed fast: lower case, no accents, typos, "skj-geregistreerd" or "skj
geregistreerd". Every reader works on the same normal form, so a catalogue phrase and a
message are compared like with like.
"""
from __future__ import annotations

import re
import unicodedata

# Words that negate what follows them in the same clause ("geen geweld", "niet geregistreerd").
# "not" and "no": people mix in English ("she is not SKJ registered", development half wg-f-012)
NEGATIONS = frozenset({"geen", "niet", "zonder", "nooit", "geeneens", "nergens", "niks", "niets", "not", "no"})
NEGATION_WINDOW = 3  # words before a phrase that can negate it
# Words that end a clause: what comes after is a new statement ("geen geweld, wel een crisis").
CLAUSE_BREAKS = frozenset({"maar", "wel", "alleen", "behalve", "terwijl", "want", "omdat", "dus",
                           "en", "of", "die", "dat", "ook"})
# Small words that do not count for the negation window.
FILLER = frozenset({"sprake", "van", "er", "is", "een", "echt", "de", "het", "zo", "erg", "heel",
                    "te", "al", "meer", "nog", "helemaal", "eigenlijk", "hij", "zij", "ze"})
# A comma, full stop and the like also end a clause; normalise() turns them into this token.
BREAK = "|"
# Words that put a registration in the past: it was, it is no more ("ik was vroeger skj
# geregistreerd", "heeft ooit in het register gestaan"). Used by both fact readers.
PAST = {"was", "waren", "stond", "vroeger", "destijds", "voorheen", "ooit", "gestaan"}


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Lower case, no accents; hyphens and slashes split words; clause punctuation kept as '|'.

    "SKJ-geregistreerd, maar zij niet." -> "skj geregistreerd | maar zij niet |"
    """
    text = strip_accents(text.lower())
    text = text.replace("’", "'").replace("`", "'")
    text = re.sub(r"(\d)[.,](\d)", r"\1_\2", text)  # 2,5 jaar: a decimal, not a clause break
    text = re.sub(r"[.,;:!?()\[\]\n]+", f" {BREAK} ", text)
    text = re.sub(r"(?<=\w)[-/](?=\w)", " ", text)  # skj-geregistreerd, sph/mwd
    text = re.sub(r"[^\w'&|+]+", " ", text)
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)  # quotes around words go; pm'er keeps its apostrophe
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    """The normalised words, with '|' where a clause ended."""
    return normalise(text).split()


def negated_at(tokens: list[str], start: int, end: int | None = None) -> bool:
    """Whether the phrase at tokens[start:end] is negated within its own clause.

    Before it: a negation word among the NEGATION_WINDOW words before, not counting small
    filler words ("er is geen sprake van geweld", "niet echt complex"), and without a clause
    break in between ("geen geweld, wel een crisis" does not negate the crisis).
    After it, at the end of its clause: "geweld speelt niet", "geregistreerd is ze niet".
    """
    counted, i = 0, start - 1
    while i >= 0 and counted < NEGATION_WINDOW:
        word = tokens[i]
        if word == BREAK or (word in CLAUSE_BREAKS and word not in ("en", "of")):
            break
        if word in NEGATIONS:
            return True
        counted += word not in FILLER and word not in ("en", "of")  # "geen onveiligheid of crisis"
        i -= 1
    if end is None:
        return False
    for i in range(end, min(len(tokens), end + 4)):
        word = tokens[i]
        if word == BREAK or word in CLAUSE_BREAKS:
            return False
        if word in ("niet", "geen"):
            after = tokens[i + 1] if i + 1 < len(tokens) else BREAK
            return after in (BREAK, "meer", "echt", "zo", "hoor")
    return False
