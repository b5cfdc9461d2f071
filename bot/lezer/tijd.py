"""Numbers, durations, years and tense, as people type them.

"sinds acht maanden", "anderhalf jaar", "ruim 2 jr", "sinds 2019", "net begonnen", "van 2016
tot 2021", "vorig jaar afgestudeerd". A small parser of our own (text2num does not read
"anderhalf" or "een jaar" in Dutch): number words up to the nineties, halves, and the
words around a number that change it ("ruim", "bijna").

Durations come back in months, with `zeker=False` where the words are vague ("een paar
jaar", "sinds vorig jaar") or the date is only a year, so the assistant checks them.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from bot.lezer.tekst import normalise

_UNITS = {"nul": 0, "een": 1, "eén": 1, "één": 1, "en": None, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
          "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
          "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
          "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
         "tachtig": 80, "negentig": 90}
_HALVES = {"anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5, "halfjaar": 0.5}
_VAGUE = {"paar": 2, "enkele": 3, "aantal": 3, "meerdere": 3, "vele": 5, "jaren": 5, "maanden": 4}
_MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
           "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
           "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
           "december": 12, "dec": 12}
_YEAR_UNITS = {"jaar", "jaren", "jr", "jr.", "j", "jaartje", "jaartjes", "jaar", "jaars"}
_MONTH_UNITS = {"maand", "maanden", "mnd", "mnden", "mndn", "maandje", "maandjes", "mnd."}
_WEEK_UNITS = {"week", "weken", "wk", "weekjes"}
_MORE = {"ruim", "meer", "langer", "minstens"}  # "ruim een jaar"
_LESS = {"bijna", "nog", "geen", "krap", "net"}                      # "bijna een jaar"
_JUST_STARTED = ["net begonnen", "pas begonnen", "net gestart", "pas gestart", "net in dienst",
                 "pas in dienst", "sinds kort", "nog maar net", "deze maand", "vorige maand",
                 "paar weken", "een paar weken"]
_NOT_YET = ["nog niet", "nog nooit", "niet", "nooit", "geen"]


@dataclass(frozen=True)
class Duur:
    maanden: float
    zeker: bool = True


def number_word(word: str) -> float | None:
    """A number in digits or Dutch words: "8", "acht", "eenentwintig", "tweeenhalf", "2,5"."""
    word = word.replace(",", ".").replace("_", ".")
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    if word in _HALVES:
        return _HALVES[word]
    if word in _TENS:
        return float(_TENS[word])
    if word in _UNITS and _UNITS[word] is not None:
        return float(_UNITS[word])
    for unit, value in _UNITS.items():
        if not value or not word.startswith(unit + "en"):
            continue
        rest = word[len(unit) + 2:]
        if rest in ("half", "eenhalf"):
            return value + 0.5            # tweeenhalf (tweeënhalf)
        if rest in _TENS and value < 10:
            return float(value + _TENS[rest])  # eenentwintig, drieentwintig
    return None


def years_in(text: str, today: datetime.date) -> list[int]:
    """Four-digit years that can be about a career (1960 up to next year)."""
    return [int(y) for y in re.findall(r"(?<!\d)(19[6-9]\d|20\d\d)(?!\d)", text) if int(y) <= today.year + 1]


def _months_since(year: int, month: int | None, today: datetime.date) -> tuple[float, bool]:
    if month is None:
        month, sure = 7, today.year - year >= 2  # only a year: assume its middle
    else:
        sure = True
    return max(0.0, (today.year - year) * 12 + (today.month - month)), sure


def full_years(text: str, today: datetime.date) -> str:
    """A year typed with an apostrophe as four digits: "sinds okt '24" -> "sinds okt 2024"
    (normalising drops the apostrophe, and "okt 24" was read as this October)."""
    def year(found: re.Match) -> str:
        short = int(found.group(1))
        century = 2000 if 2000 + short <= today.year + 1 else 1900
        return str(century + short)
    return re.sub(r"(?<!\w)['’‘](\d\d)(?!\d)", year, text)


# "anderhalf jaar geleden begonnen als jeugdhulpverlener": how long someone has been at it; not a
# study ("2 maanden geleden begonnen met de opleiding").
_STARTED = {"begonnen", "begon", "gestart", "startte", "ingestroomd", "aangenomen", "overgestapt", "dienst"}
_STUDY = {"opleiding", "studie", "school", "cursus", "deeltijd", "deeltijdopleiding", "master", "bachelor", "hbo",
          "mbo", "minor", "traject", "scholing", "studeren"}


def _started_work(after: list[str]) -> bool:
    return bool(set(after) & _STARTED) and not set(after) & _STUDY


def duration(text: str, today: datetime.date | None = None) -> Duur | None:
    """How long something has lasted, in months, or None when the text says no duration."""
    today = today or datetime.date.today()
    clean = normalise(full_years(text, today)).replace("|", " ")
    tokens = clean.split()
    since = _since(tokens, today)
    if since:
        return since
    for i, token in enumerate(tokens):
        unit = (12 if token in _YEAR_UNITS else 1 if token in _MONTH_UNITS
                else 12 / 52 if token in _WEEK_UNITS else None)
        if unit is None:
            continue
        amount, sure, j = _amount_before(tokens, i)
        if amount is None:
            if token == "jaren":
                return Duur(5 * 12, zeker=False)  # "al jaren"
            continue
        if i + 1 < len(tokens) and tokens[i + 1] == "geleden" and not _started_work(tokens[i + 2:i + 9]):
            continue  # "5 jaar geleden" is a moment, not a duration; "... geleden begonnen als" is one
        words_before = set(tokens[max(0, j - 2):j])
        months = amount * unit
        if words_before & _MORE:
            months += 1 if unit >= 1 else 0
        elif words_before & {"bijna", "krap"}:
            months -= 1
        return Duur(months, zeker=sure)
    phrase = f" {clean} "
    if any(f" {p} " in phrase for p in _JUST_STARTED):
        return Duur(1, zeker=True)
    return None


def _amount_before(tokens: list[str], unit_index: int) -> tuple[float | None, bool, int]:
    """The number before a unit word: "8 maanden", "anderhalf jaar", "een paar jaar"."""
    j = unit_index - 1
    if j < 0:
        return None, True, j
    word = tokens[j]
    if word in _VAGUE:
        return float(_VAGUE[word]), False, j - (1 if j > 0 and tokens[j - 1] == "een" else 0)
    if word in ("half", "halve") and j > 0 and tokens[j - 1] in ("een", "1"):
        # "een half jaar"; "twee en een half jaar"
        if j > 2 and tokens[j - 2] == "en" and number_word(tokens[j - 3]) is not None:
            return number_word(tokens[j - 3]) + 0.5, True, j - 3
        return 0.5, True, j - 1
    value = number_word(word)
    if value is None:
        return None, True, j
    if word == "een" and j > 0 and tokens[j - 1] in ("dik",):
        return 1.0, True, j - 1
    return value, True, j


def _since(tokens: list[str], today: datetime.date) -> Duur | None:
    """"sinds 2019", "sinds september", "sinds maart 2024", "sinds vorig jaar", "sinds dit jaar"."""
    if "sinds" not in tokens and "vanaf" not in tokens:
        return None
    i = tokens.index("sinds") if "sinds" in tokens else tokens.index("vanaf")
    rest = tokens[i + 1:i + 4]
    if not rest:
        return None
    if rest[:2] == ["vorig", "jaar"] or rest[:2] == ["vorige", "jaar"]:
        return Duur(12 + today.month - 6, zeker=False)
    if rest[:2] == ["dit", "jaar"] or rest[:3] == ["begin", "dit", "jaar"]:
        return Duur(max(0, today.month - 1), zeker=True)
    month = next((_MONTHS[w] for w in rest[:2] if w in _MONTHS), None)
    year = next((int(w) for w in rest[:3] if re.fullmatch(r"(19[6-9]\d|20\d\d)", w)), None)
    if year is None and month is not None:
        year = today.year if month <= today.month else today.year - 1
        months, _ = _months_since(year, month, today)
        return Duur(months, zeker=True)
    if year is not None:
        months, sure = _months_since(year, month, today)
        return Duur(months, zeker=sure)
    return None


def years_ago(text: str, today: datetime.date | None = None) -> tuple[float, bool] | None:
    """How many years ago something happened (a diploma): "in 2015", "3 jaar geleden",
    "vorig jaar", "dit jaar", "net afgestudeerd". With whether that is exact."""
    today = today or datetime.date.today()
    clean = normalise(full_years(text, today)).replace("|", " ")
    tokens = clean.split()
    ago = re.search(r"(\S+(?: en een half| half)?) (?:jaar|jr|jaren) geleden", clean)
    if ago:
        words = ago.group(1).split()
        value = number_word(words[-1]) if words else None
        if words and words[-1] == "half" and len(words) >= 3:
            value = (number_word(words[0]) or 0) + 0.5
        if value is not None:
            return value, True
        if words and words[-1] in _VAGUE:
            return float(_VAGUE[words[-1]]) + 3, False  # "jaren geleden", "een paar jaar geleden"
    if re.search(r"\b(vorig|vorige) jaar\b", clean):
        return 1.0, True
    if re.search(r"\b(dit jaar|net afgestudeerd|pas afgestudeerd|onlangs|deze zomer|afgelopen zomer)\b", clean):
        return 0.0, True
    if re.search(r"\b(lang geleden|heel lang|jaren geleden|eeuwen geleden|al een tijd)\b", clean):
        return 10.0, False
    # "sinds 2019", "vanaf maart 2024": when work started, not when a diploma was gained
    years = [int(y) for y in re.findall(r"(?<!\d)(19[6-9]\d|20\d\d)(?!\d)", clean)
             if int(y) <= today.year + 1
             and not re.search(rf"\b(sinds|vanaf|per)\s+(\w+\s+)?{y}\b", clean)]
    if years:
        month = next((_MONTHS[t] for t in tokens if t in _MONTHS), None)
        months, sure = _months_since(years[-1], month, today)
        return months / 12, sure
    return None
