"""Yes, no or "weet ik niet" in everyday Dutch, read without the intent classifier.

A reply to a closed question is short and varied: "jep", "nope", "klopt", "nee hoor",
"geen idee", "denk het niet", "ja ik wil me registreren", "nee, ik sta niet ingeschreven".
The first words decide; a reply without a clear first word is read from its negations. The
question that is pending gives the reply its meaning; this module only says which of the
three it is, and whether that was certain.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.lezer.tekst import BREAK, NEGATIONS, normalise

JA, NEE, WEET_NIET = "ja", "nee", "weet_niet"

# Phrases, as normalised words, checked at the start of the reply (longest first).
_START = {
    WEET_NIET: ["weet ik niet", "weet ik nog niet", "weet niet", "weet t niet", "geen idee", "geen flauw idee",
                "geen flauw benul", "geen benul", "idk", "geen id", "onbekend", "twijfel", "ik twijfel",
                "misschien", "mogelijk", "wellicht", "soms", "kan zijn", "onduidelijk",
                "niet zeker", "weet ik eigenlijk niet", "dat weet ik niet", "lastig te zeggen",
                "moeilijk te zeggen", "geen idee eigenlijk", "goeie vraag", "goede vraag", "dunno",
                "no idea", "not sure", "i don't know", "ik weet het niet", "ik weet niet", "vraag ik me af",
                "hangt ervan af", "hangt er van af", "deels", "af en toe", "soms wel", "beetje", "een beetje",
                "kan ik niet inschatten", "niet in te schatten", "lastig in te schatten", "moeilijk in te schatten",
                "kan ik niet zeggen", "kan ik niet beoordelen", "heb ik geen zicht op", "geen zicht op",
                "ligt eraan", "ligt er aan", "het ligt eraan", "lastig hoor", "best lastig"],
    NEE: ["nee", "neen", "nope", "nop", "nah", "neuh", "ne", "nee hoor", "no", "neej", "nein", "niet",
          "nooit", "geen", "klopt niet", "zeker niet", "helemaal niet", "niet echt", "valt mee", "valt wel mee",
          "denk het niet", "denk t niet", "ik denk het niet", "absoluut niet", "nog niet", "helaas niet",
          "niks", "niets", "nada", "no way", "zeker weten niet", "dat niet", "niet dat ik weet",
          "niet van toepassing", "nvt", "n v t", "klopt niet helemaal", "nee dus", "welnee", "ben ik niet",
          "is niet zo", "dat is niet zo", "het is niet zo", "negatief", "niemand", "niemand eigenlijk"],
    JA: ["ja", "jaa", "jaaa", "jah", "ja hoor", "ja zeker", "jazeker", "jawel", "jep", "jup", "jap", "yes",
         "yep", "yup", "ya", "klopt", "dat klopt", "klopt helemaal", "correct", "zeker", "zeker weten",
         "inderdaad", "tuurlijk", "natuurlijk", "uiteraard", "absoluut", "precies", "wel", "ja wel",
         "ok", "oke", "okay", "okido", "prima", "goed", "is goed", "dat is zo", "zo is het", "ja dat klopt",
         "affirmatief", "ja dus", "sure", "idd", "jazeker wel", "ja hoor klopt", "ja toch",
         "denk het wel", "ik denk het wel", "ik denk van wel", "volgens mij wel", "waarschijnlijk",
         "waarschijnlijk wel", "ik geloof het wel", "ik denk het", "best wel", "zeker wel", "ja best wel"],
}
# Replies that lean one way but are not certain; the caller may check them.
_UNSURE = {"denk het wel", "ik denk het wel", "ik denk van wel", "volgens mij wel", "waarschijnlijk",
           "waarschijnlijk wel", "ik geloof het wel", "ik denk het", "ok", "oke", "okay", "okido",
           "prima", "goed", "is goed", "wel", "denk het niet", "denk t niet", "ik denk het niet", "niet echt",
           "valt mee", "valt wel mee", "niet dat ik weet"}
_ORDERED = sorted(((phrase.split(), meaning) for meaning, phrases in _START.items() for phrase in phrases),
                  key=lambda item: -len(item[0]))
# "klopt" and "ja" mean yes, unless a negation follows in the same short reply ("ja, nee").
_TURNS = {"nee", "niet", "nope"}
# "nee, maar er zijn wel zorgen": a no that takes itself back is no sure no (a doubt counts as
# "weet ik niet", which the rules treat as applying).
_DOUBT_AFTER_MAAR = {"zorgen", "zorg", "twijfel", "twijfels", "soms", "weleens", "af", "vermoeden", "vermoedens",
                     "signalen", "onrustig", "spanningen", "spanning"}


_EMOJI = {"👍": "ja", "👌": "ja", "✅": "ja", "👎": "nee", "❌": "nee", "🤷": "weet niet"}


@dataclass(frozen=True)
class Antwoord:
    waarde: str          # ja, nee or weet_niet
    zeker: bool = True   # False for "denk het wel", "valt mee": lean, not sure


def read(text: str) -> Antwoord | None:
    """Yes, no or don't know, or None when the reply is none of these."""
    for emoji, word in _EMOJI.items():
        text = text.replace(emoji, f" {word} ")
    tokens = [t for t in normalise(text).split() if t not in ("ehm", "eh", "uhm", "hmm", "nou", "tja", "euh")]
    while tokens and tokens[0] == BREAK:
        tokens.pop(0)
    if not tokens:
        return None
    for phrase, meaning in _ORDERED:
        n = len(phrase)
        if tokens[:n] != phrase:
            continue
        after = tokens[n:n + 2]
        if meaning == JA and after and after[0] in _TURNS and len(tokens) <= n + 2:
            return Antwoord(NEE, zeker=False)  # "ja nee", "klopt niet"
        if meaning == NEE and phrase == ["geen"] and len(tokens) > 2:
            break  # "geen geweld, wel een crisis": a statement, read below
        if meaning == NEE and "maar" in tokens[n:] and \
                set(tokens[tokens.index("maar", n) + 1:tokens.index("maar", n) + 6]) & _DOUBT_AFTER_MAAR:
            return Antwoord(WEET_NIET, zeker=False)
        return Antwoord(meaning, zeker=" ".join(phrase) not in _UNSURE)
    return _from_statement(tokens)


# Words that may stand between "weet" and "niet" in "weet ik eerlijk gezegd niet".
_SOFTENERS = {"ik", "het", "t", "eerlijk", "gezegd", "echt", "eigenlijk", "nog", "ook", "zo", "even", "dus",
              "helemaal", "precies", "niet", "zeker", "nou", "gewoon", "ook", "wel"}


def _dont_know(clause: list[str]) -> bool:
    """"weet ik eerlijk gezegd niet", "ik weet het echt niet": not a no from its "niet" (batch 7:
    read as "no" to the unsafe question, a verdict more permissive than the person meant)."""
    if "weet" not in clause:
        return False
    rest = clause[clause.index("weet") + 1:]
    if "niet" not in rest[:6]:
        return False
    between = rest[:rest.index("niet")]
    return set(between) <= _SOFTENERS and "zeker" not in between


def _from_statement(tokens: list[str]) -> Antwoord | None:
    """A short statement without a yes/no word: "er is geen sprake van", "heeft ze niet"."""
    clause = tokens[: tokens.index(BREAK)] if BREAK in tokens else tokens
    text = " ".join(clause)
    if _dont_know(clause):
        return Antwoord(WEET_NIET)
    for phrase, meaning in _ORDERED:
        if len(phrase) > 1 and f" {' '.join(phrase)} " in f" {text} " and meaning == WEET_NIET:
            return Antwoord(WEET_NIET)
    if len(clause) <= 8 and any(t in NEGATIONS for t in clause):
        return Antwoord(NEE, zeker=False)
    return None
