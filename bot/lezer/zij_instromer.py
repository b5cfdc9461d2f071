"""Reads a side-entrant's message into route facts: the opening or an answer.

Registration with its tense ("was geregistreerd van 2016 tot 2021" is lapsed, not valid),
the wish, the diploma with its profile ("SPH met uitstroomprofiel jeugdzorgwerker" gives
direct access; "pedagogiek zonder jeugdprofiel" does not), whether it was finished and how
old it is, and work: in youth care or not, and for how long ("ja, sinds 8 maanden" to "at
least a year?" is a no). The pending question decides how a short reply is read.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from bot import routes
from bot.lezer import antwoord, tijd
from bot.lezer.catalogus import Catalogus, catalogus
from bot.lezer.tekst import BREAK, NEGATIONS, PAST, normalise

RECENT_YEARS = routes.RECENT_YEARS
# Before a registration word in its clause, these make it a question or a wish, not a fact:
# "mag ik me dan registreren bij skj?", "ik wil me laten registreren" (issue 15: read as valid).
ASKING = {"mag", "mogen", "kan", "kun", "kunnen", "moet", "moeten", "wil", "wilt", "willen", "zou", "zouden",
          "hoe", "wanneer", "graag", "hoop", "ga", "gaan", "vraagt", "vragen", "vroeg", "vroegen"}
# In the clause of a work sector, these make it a wish or a question, not where someone works:
# "ik wil in de jeugdzorg werken", "is dat genoeg om in de jeugdhulp te werken?" (a wish is not a
# fact: read as working in youth care, it gave direct registration instead of the 45 EC route).
HYPOTHETICAL = ASKING | {"om", "zoek", "zoeken", "solliciteer", "solliciteren", "overweeg", "overwegen",
                         "denk", "droom", "worden", "misschien", "stel"}
# In the clause of "diploma gehaald" and the like, these make it a plan: "en mijn diploma halen".
UNFINISHED_WISH = HYPOTHETICAL | {"halen", "behalen", "afronden", "afstuderen", "afmaken"}
# Words that start a new clause for that check ("ik werk bij de politie en wil in de jeugdzorg").
CLAUSE_WORDS = {"en", "maar", "want", "omdat", "dus", "terwijl", "of", "dat"}
WORK = ["werk", "werkt", "werkte", "werkzaam", "baan", "functie", "gewerkt", "in dienst", "aan de slag",
        "ik ben", "als", "bij"]
HBO_LEVEL = ["hbo niveau", "hbo functie", "hbo fctie", "hbo functies", "op hbo", "hbo werk", "hbo baan"]
MBO_LEVEL = ["mbo niveau", "mbo functie", "op mbo", "groepsleider", "pedagogisch medewerker", "woonbegeleider",
             "thuisbegeleider", "persoonlijk begeleider", "begeleider", "jeugdzorgwerker d", "invaller",
             "oproepkracht", "huishoudelijk", "administratief", "secretaresse", "receptie", "teamondersteuner"]


@dataclass
class Lezing:
    feiten: dict[str, Any] = field(default_factory=dict)
    geraden: set[str] = field(default_factory=set)
    bevestigd: bool | None = None


@functools.lru_cache(maxsize=None)
def _cat(key: str) -> Catalogus:
    d = routes.data()
    if key == "diploma_specifiek":
        return catalogus({e["id"]: e["woorden"] for e in d["diplomas"] if not e.get("alleen_niveau")})
    if key == "diploma_niveau":
        return catalogus({e["id"]: e["woorden"] for e in d["diplomas"] if e.get("alleen_niveau")})
    section, _, part = key.partition(":")
    if part:
        return catalogus({value: words[part] for value, words in d[section].items() if isinstance(words, dict)})
    return catalogus({value: words for value, words in d[section].items()})


def read(text: str, pending: str | None = None, today: datetime.date | None = None) -> Lezing:
    """The route facts one message states. `pending` is the question asked (a slot name
    without "rt_": registratie, big_beroep, ambitie, diploma, richting, afgerond, diploma_recent,
    werkt_in_jeugdzorg, hbo_functie or bevestigd)."""
    today = today or datetime.date.today()
    lezing = Lezing()
    if not text.strip():
        return lezing
    reply = antwoord.read(text)
    _registration(text, pending, reply, today, lezing)
    _profession(text, pending, reply, lezing)
    _ambition(text, pending, reply, lezing)
    _diploma(text, pending, reply, today, lezing)
    _work(text, pending, reply, today, lezing)
    if pending in ("bevestigd", "wijzig") and reply:
        others = {k for k in lezing.feiten if k not in ("afgerond",)}
        if not others:
            lezing.bevestigd = reply.waarde == antwoord.JA
        elif reply.waarde == antwoord.NEE:
            lezing.bevestigd = False
    return lezing


CURRENT = ("geldig", "big")  # a registration now: SKJ, or BIG with its profession still to check


def _registration(text, pending, reply, today, lezing: Lezing) -> None:
    in_text = _cat("registratie:in_tekst").first(text)
    not_a_fact = _not_a_fact(text, in_text.start, in_text.end) if in_text and in_text.item in CURRENT else None
    if in_text and in_text.item in CURRENT and (not_a_fact or (not in_text.exact and pending != "registratie")):
        in_text = None  # a valid registration (phase bevoegd) only from words that say so
    value = in_text.item if in_text else None
    if not_a_fact == AANVRAAG or (not_a_fact == NODIG and pending == "registratie"):
        value = "geen"  # "mijn aanvraag voor registratie loopt nog": not registered yet
    if in_text and in_text.negated and value in CURRENT:
        value = "geen"  # "ik sta niet ingeschreven"
    if value in CURRENT and _lapsed(text, in_text):
        value = "verlopen"  # "ik was vroeger skj geregistreerd", "... toen is mijn registratie verlopen"
    years = tijd.years_in(normalise(text), today)
    ended = re.search(r"\b(?:tot|t/m|tm|tot en met|tot eind|tot begin)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", normalise(text))
    if value in CURRENT and ended and int(ended.group(1)) < today.year:
        value = "verlopen"  # "was geregistreerd van 2016 tot 2021"
    if pending == "registratie" and not not_a_fact:
        answer = _cat("registratie:als_antwoord").first(text)
        answer_not_a_fact = (_not_a_fact(text, answer.start, answer.end)
                             if answer and answer.item in CURRENT and not answer.negated else None)
        if answer_not_a_fact:
            not_a_fact = answer_not_a_fact  # "skj nodig" or "wat is skj?" to "sta je ingeschreven?"
            value = None if answer_not_a_fact == VRAAG else "geen"
        elif value is None and answer:
            value = "geen" if answer.negated and answer.item in CURRENT else answer.item
        if value is None and reply and not not_a_fact:
            value = {"ja": "geldig", "nee": "geen"}.get(reply.waarde)
        if value in CURRENT and ended and int(ended.group(1)) < today.year:
            value = "verlopen"
    mentions = _register_mentions(text)
    named = any(not denied for _, denied in mentions)  # SKJ or BIG said, and not denied
    if mentions and not named and value in (None, *CURRENT):
        value = "geen"  # "bij skj niet en big ook niet"
    other = _cat("andere_registers").first(text, skip_negated=True)
    if other and not named and (value or pending == "registratie" or REGISTERED.search(normalise(text))):
        if value in (None, *CURRENT):
            value = "geen"  # Registerplein, NIP or NVO is not SKJ or BIG
            if not mentions and pending != "registratie":
                lezing.geraden.add("registratie")  # SKJ and BIG not named: shown with a '?' to confirm
        lezing.feiten["ander_register"] = other.item
        if other.item == "vaktherapie":
            lezing.feiten["beroep"] = "vaktherapeut"  # the register of vaktherapeuten
    if value in CURRENT:
        # "moet ik nu ook nog bij skj?" asks about SKJ; it does not say the person is in it
        stated = _register_mentions(_without_questions(text))
        value = _big(text, value, lezing, skj_named=any(r == "skj" and not d for r, d in stated))
    if pending == "big_beroep":
        _big_profession_answer(text, reply, lezing)
    if value:
        lezing.feiten["registratie"] = value
        if years and value == "geldig" and any(y < today.year - 5 for y in years) and not ended:
            lezing.geraden.add("registratie")  # "geregistreerd sinds 2015": may need herregistratie


def _lapsed(text: str, current) -> bool:
    """Whether a registration named as current is said in the past or said to have lapsed
    elsewhere in the message: "ik was vroeger skj geregistreerd" (a past-tense word just before
    it), "ik was geregistreerd ... toen is mijn registratie verlopen" (a lapse named too)."""
    tokens = normalise(text).split()
    if set(tokens[max(0, current.start - 3):current.start]) & PAST:
        return True
    return any(v.item == "verlopen" and not v.negated for v in _cat("registratie:in_tekst").find_all(text))


def _big(text: str, value: str, lezing: Lezing, skj_named: bool) -> str:
    """A registration that names only BIG counts when the profession is one of the four of
    Besluit Jeugdwet art. 1.1 (arts, verpleegkundige, gezondheidszorgpsycholoog,
    psychotherapeut); without a profession it is "big" and the profession is asked; another BIG
    profession is noted (review 3, finding 1). "Bij SKJ niet" does not make it an SKJ registration."""
    clean = normalise(text)
    if not re.search(r"\bbig\b", clean) or skj_named:
        return value
    profession = _cat("big_beroepen").first(text, skip_negated=True)
    if profession and profession.item == "telt":
        return "geldig"
    if profession:
        lezing.feiten["big_beroep"] = "ander"
    return "big"


def _big_profession_answer(text: str, reply, lezing: Lezing) -> None:
    """The answer to "Als welk beroep sta je in het BIG-register?"."""
    profession = _cat("big_beroepen").first(text, skip_negated=True)
    if profession:
        lezing.feiten["big_beroep"] = "art3" if profession.item == "telt" else "ander"
    elif reply and reply.waarde == antwoord.WEET_NIET:
        lezing.feiten["big_beroep"] = "weet_niet"
    elif not reply and text.strip():
        lezing.feiten["big_beroep"] = "ander"  # a profession the list does not know: check it
        lezing.geraden.add("big_beroep")


VRAAG, NODIG, AANVRAAG = "vraag", "nodig", "aanvraag"


def _not_a_fact(text: str, start: int, end: int) -> str | None:
    """Why registration words at words start..end are no registration, or None:
    - VRAAG: a question or wish before them ("mag ik me registreren", "hoe krijg ik een skj
      nummer?", "wat is een skj nummer");
    - AANVRAAG: an application in their clause ("mijn aanvraag voor registratie loopt nog",
      "ik heb skj aangevraagd");
    - NODIG: a need after them in their clause ("ik heb skj nodig om jeugdbeschermer te worden":
      review 4 of issue 16, finding 2; "ik heb een skj registratie nodig").
    Review 5 of issue 16, finding 6: open words such as "heb skj", "skj nummer" and "registratie
    loopt nog" were read as a valid registration in such messages."""
    words = normalise(text).split()
    clause_start = max((i + 1 for i, w in enumerate(words[:start]) if w == BREAK), default=0)
    # The clause itself, cut at joining words too: "ik ben skj geregistreerd, want dat is verplicht"
    # names a need of the job, not one of the person.
    own_start = max((i + 1 for i, w in enumerate(words[:start]) if w == BREAK or w in CLAUSE_WORDS), default=0)
    own_end = next((i for i in range(end, len(words)) if words[i] == BREAK or words[i] in CLAUSE_WORDS), len(words))
    before, own_before, after = set(words[clause_start:start]), set(words[own_start:start]), set(words[end:own_end])
    if before & ASKING or own_before & QUESTION:
        return VRAAG
    if (own_before | after) & APPLYING:
        return AANVRAAG
    if after & NEEDED:
        return NODIG
    return None


# After a registration, these make it a need, not a fact: "heb een geldige registratie nodig".
NEEDED = {"nodig", "vereist", "verplicht", "vraagt", "vragen", "eist", "eisen", "halen", "aanvragen"}
# Before it in its own clause, these make it a question: "wat is een skj nummer", "waar vind ik
# mijn skj nummer", "ik heb een vraag over mijn skj registratie".
QUESTION = {"wat", "waar", "waarom", "welke", "welk", "wie", "hoeveel", "vraag"}
# In its own clause, these make it an application that is not done yet: "mijn aanvraag voor
# registratie loopt nog", "ik heb skj aangevraagd", "ik krijg mijn skj nummer volgende week".
APPLYING = {"aanvraag", "aangevraagd", "aanmelding", "aangemeld", "ingediend", "krijg", "krijgen",
            "behandeling", "wacht", "wachten"}


REGISTERS = {"skj": "skj", "kwaliteitsregister": "skj", "big": "big"}
# Words that may stand between a register and the word that denies it: "bij skj sta ik niet",
# "big ook niet", "niet in het big register", "nooit ingeschreven bij skj".
DENIAL_GAP = {"ook", "ik", "sta", "stond", "ben", "was", "heb", "had", "zit", "er", "nog", "in", "bij", "het",
              "de", "daar", "ingeschreven", "geregistreerd", "jeugd", "register", "registratie", "staat"}
REGISTERED = re.compile(r"\b(geregistreerd|ingeschreven|registratie|register|aangesloten|sta|stond)\b")


def _without_questions(text: str) -> str:
    """The message without its sentences that end in a question mark."""
    return " ".join(s for s in re.findall(r"[^.!?]*[.!?]*", text) if "?" not in s)


def _register_mentions(text: str) -> list[tuple[str, bool]]:
    """SKJ and BIG as named in the message, each with whether it is denied."""
    tokens = normalise(text).split()
    return [(REGISTERS[t], _denied(tokens, i)) for i, t in enumerate(tokens) if t in REGISTERS
            and not (t == "kwaliteitsregister" and tokens[i + 1:i + 2] == ["paramedici"])]  # another register


def _denied(tokens: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j] in DENIAL_GAP:
        j -= 1
    if j >= 0 and tokens[j] in NEGATIONS:
        return True  # "geen skj", "niet in het big register"
    j = i + 1
    while j < len(tokens) and tokens[j] in DENIAL_GAP:
        j += 1
    # "bij skj niet", "big ook niet", "skj nee big nee" (that last one was read as registered)
    return j < len(tokens) and tokens[j] in ("niet", "geen", "nooit", "nee", "neen", "nope")


# Between "ik ben" / "als" and a profession ("ik ben big geregistreerd verpleegkundige").
PROFESSION_GAP = {"een", "de", "big", "geregistreerd", "geregistreerde", "zelf", "ook", "nu", "al", "register",
                  "gediplomeerd", "gediplomeerde", "zelfstandig", "zzp"}


def _profession(text, pending, reply, lezing: Lezing) -> None:
    """A vaktherapeut, paramedicus or verpleegkundige, when someone says they are one or work as
    one ("ik ben vaktherapeut", "als logopedist"); not a wish ("verpleegkundige worden") or someone
    else ("mijn collega is logopedist"). For a therapist, whether they will work in their own field
    or as a jeugd- en gezinsprofessional (issue 16, finding 33)."""
    tokens = normalise(text).split()
    for found in _cat("beroepen").outermost(text):
        if found.negated or "worden" in _clause(tokens, found.start):
            continue
        j = found.start - 1
        while j >= 0 and tokens[j] in PROFESSION_GAP:
            j -= 1
        if found.start == 0 or pending == "werkt_als" or (j >= 0 and tokens[j] in ("ben", "als")):
            lezing.feiten.setdefault("beroep", found.item)
            break
    beroep = lezing.feiten.get("beroep")
    # Also as a correction at the summary ("ik wil toch als jeugd- en gezinsprofessional werken").
    said = beroep or pending in ("werkt_als", "bevestigd", "wijzig")
    how = _cat("werkt_als:in_tekst").first(text, skip_negated=True) if said else None
    if how is None and pending == "werkt_als":
        how = _cat("werkt_als:als_antwoord").first(text, skip_negated=True)
    if how:
        lezing.feiten["werkt_als"] = how.item
    elif pending == "werkt_als" and beroep in ("vaktherapeut", "paramedicus"):
        lezing.feiten["werkt_als"] = "eigen_vak"  # "logopedist in een jeugd-ggz instelling"
    elif pending == "werkt_als" and reply and reply.waarde == antwoord.WEET_NIET:
        lezing.feiten["werkt_als"] = "weet_niet"


def _clause(tokens: list[str], i: int) -> list[str]:
    """The words of the clause around word i: up to a comma, full stop or a joining word."""
    start = i
    while start > 0 and tokens[start - 1] != BREAK and tokens[start - 1] not in CLAUSE_WORDS:
        start -= 1
    end = i
    while end < len(tokens) and tokens[end] != BREAK and tokens[end] not in CLAUSE_WORDS:
        end += 1
    return tokens[start:end]


def _ambition(text, pending, reply, lezing: Lezing) -> None:
    found = _cat("ambitie:in_tekst").first(text, skip_negated=True)
    if found is None and pending == "ambitie":
        found = _cat("ambitie:als_antwoord").first(text, skip_negated=True)
    if found:
        lezing.feiten["ambitie"] = found.item
    elif pending == "ambitie" and reply:
        # "ja" to "wil je een registratie halen?"; "weet ik nog niet": show the way to registration
        lezing.feiten["ambitie"] = "registratie" if reply.waarde in (antwoord.JA, antwoord.WEET_NIET) else "nu_starten"
        if not reply.zeker:
            lezing.geraden.add("ambitie")


# After a bare level, these words make it the level of a job, not of a diploma: "ik werk op
# hbo-niveau" or "(hbo-functie)" is no hbo diploma (development half, zi-b-009 and zi-b-022: the
# answer to the hbo-function question replaced an mbo diploma by "hbo").
JOB_AFTER_LEVEL = {"functie", "fctie", "baan", "werk", "werkzaamheden", "taken"}
JOB_WORDS = {"werk", "werkt", "werkte", "werken", "werkzaam", "baan", "functie", "gewerkt"}
DIPLOMA_WORDS = {"diploma", "opleiding", "studie", "gestudeerd", "afgestudeerd", "gehaald", "behaald",
                 "afgerond", "opgeleid", "student", "studeer", "gediplomeerd"}


def _job_level(tokens: list[str], v) -> bool:
    """"hbo-functie", "op hbo-niveau", "ik werk op hbo niveau"; not "een opleiding op hbo-niveau"
    or "ik heb hbo niveau"."""
    after = tokens[v.end] if v.end < len(tokens) else ""
    if after in JOB_AFTER_LEVEL:
        return True
    clause = set(_clause(tokens, v.start))
    return (after == "niveau" and not clause & DIPLOMA_WORDS
            and (bool(clause & JOB_WORDS) or (v.start > 0 and tokens[v.start - 1] == "op")))


def _best_diploma(text: str):
    """The diploma mention that counts: a named programme before a bare level ("hbo"); of
    several, the one that gives the most access to the register ("eerst de pabo, daarna de
    master Jeugdzorg"), else the first. A programme said not to be finished ("nu bezig met
    social work") counts as giving no access; a name right after another one describes it
    ("associate degree sociaal werk"); "mbo" right before a name makes it an mbo diploma ("mbo 4
    Sociaal Werk", development half zi-b-014: read as hbo Social Work), or an mbo level right after
    it ("sociaal werk niveau 4", review 7 of issue 16, finding 11). A level of a job ("op
    hbo-niveau") and a wish ("verpleegkundige worden") are no diploma."""
    d = routes.data()
    order = d["voorrang_soorten"]
    tokens = normalise(text).split()
    clause = [tokens[:i].count(BREAK) for i in range(len(tokens) + 1)]
    markers = _cat("niet_af").outermost(text)
    levels = [v for v in _cat("diploma_niveau").outermost(text) if not v.negated and not _job_level(tokens, v)]

    def unfinished(v) -> bool:
        return any(clause[m.start] == clause[v.start] and (0 <= v.start - m.end <= 3 or 0 <= m.start - v.end <= 2)
                   for m in markers)

    def at_level(v):
        entry = routes.diploma(v.item)
        mbo = next((lv for lv in levels if lv.item == "mbo" and (lv.end == v.start or lv.start == v.end)), None)
        if mbo and entry and entry["niveau"] != "mbo":
            return dataclasses.replace(v, item="mbo", start=mbo.start)
        return v

    for key in ("diploma_specifiek", "diploma_niveau"):
        found = levels if key == "diploma_niveau" else _cat(key).outermost(text)
        mentions = [at_level(v) for v in found if (not v.negated or v.item == "geen_diploma")
                    and not any(other.end == v.start for other in found)
                    and "worden" not in _clause(tokens, v.start)]
        if mentions:
            def rank(v):
                kind = "geen_kwalificerend" if unfinished(v) else routes.diploma(v.item)["soort"]
                return order.index(kind) if kind in order else len(order)
            return min(mentions, key=lambda v: (rank(v), v.start))
    return None


SOCIAL_WORK = {"social_work", "sw_jeugd", "sw_zorg", "sw_welzijn"}
# As the answer to "Heb je die opleiding afgerond?" only: words that say it is not (yet) done.
NOT_FINISHED_REPLY = {"gestopt", "stopte", "gaan", "bijna", "halverwege", "studeer", "loopt", "afgebroken", "vroegtijdig"}
HBO_WORDS = {"hbo", "bachelor", "hogeschool", "hboer", "bachelors", "deeltijd", "duaal"}  # as single tokens


def _diploma(text, pending, reply, today, lezing: Lezing) -> None:
    found = _best_diploma(text)
    if found:
        diploma = found.item
        profile = _profile(text, pending)
        entry = routes.diploma(diploma)
        if profile and entry and entry.get("met_profiel", {}).get(profile):
            diploma = entry["met_profiel"][profile]
        elif profile and entry and entry.get("alleen_niveau"):
            # "hbo, profiel jeugd" to the question about the profile: the level and the profile of
            # the programme named before; the form applies both to it
            lezing.feiten["profiel"] = profile
        # "een master in de klinische psychologie"; a level may lead to an entry with levels of its
        # own: "pedagoog, wo master" is a master pedagogiek, and with "wo" the wo-master (review 6
        # of issue 16, finding 6: a master pedagogiek without "wo" may be an hbo-master).
        for _ in range(2):
            level = _level(text, entry, found) if entry and entry.get("met_niveau") else None
            if not level:
                break
            diploma = entry["met_niveau"][level]
            entry = routes.diploma(diploma)
        tokens = normalise(text).split()
        if diploma in SOCIAL_WORK and not set(tokens) & HBO_WORDS and any(
                v.item == "mbo" and not v.negated and not _job_level(tokens, v)
                for v in _cat("diploma_niveau").outermost(text)):
            diploma = "mbo"  # "sociaal werk gedaan op het roc", "sociaal werk, niveau 4" (review 11, finding 2)
        lezing.feiten["diploma"] = diploma
        if not found.zeker or (diploma in SOCIAL_WORK and not set(tokens) & HBO_WORDS):
            # "sociaal werk" without "hbo": mbo Sociaal Werk exists too (publieke-bronnen B.5), so the
            # summary shows the hbo reading with a "?" to correct (review 9 of issue 16, finding 7)
            lezing.geraden.add("diploma")
    elif pending == "richting":
        profile = _profile(text, pending)
        if profile:
            lezing.feiten["profiel"] = profile
    elif pending == "diploma" and not reply and len(normalise(text).split()) <= 12:
        lezing.feiten["diploma"] = "onduidelijk"  # a diploma the list does not know
        lezing.feiten["diploma_tekst"] = text.strip()[:80]
    finished = _cat("afgerond").first(text)
    if finished and finished.item == "ja" and set(_clause(normalise(text).split(), finished.start)) & UNFINISHED_WISH:
        finished = None  # "mijn diploma halen": a wish, not a finished programme
    if finished:
        lezing.feiten["afgerond"] = "nee" if finished.item == "nee" or finished.negated else "ja"
    elif pending == "afgerond" and set(normalise(text).split()) & NOT_FINISHED_REPLY \
            and not (reply and reply.waarde == antwoord.JA):
        lezing.feiten["afgerond"] = "nee"  # "nog 1 jaar te gaan", "gestopt na het 2e jaar", "bijna"
    elif pending == "afgerond" and reply:
        lezing.feiten["afgerond"] = "ja" if reply.waarde == antwoord.JA else "nee"
    _diploma_age(text, pending, reply, today, lezing)


def _level(text: str, entry: dict[str, Any], chosen) -> str | None:
    """"master", "bachelor" or "wo" said with a field of study, when the entry knows that level;
    a master goes first. Not a level word that belongs to another diploma named in the message
    ("hbo pedagogiek en een master bedrijfskunde")."""
    others = [v for v in _cat("diploma_specifiek").outermost(text) if v.start != chosen.start]
    said = {v.item for v in _cat("niveauwoorden").outermost(text)
            if not v.negated and not any(o.start <= v.start < o.end for o in others)}
    return next((level for level in ("master", "bachelor", "wo") if level in said and level in entry["met_niveau"]), None)


def _profile(text: str, pending: str | None) -> str | None:
    found = _cat("profielen:in_tekst").first(text)
    if found is None and pending in ("richting", "diploma"):
        found = _cat("profielen:als_antwoord").first(text)
    if found is None or found.negated or _about_work_or_a_wish(text, found.start):
        return None
    return found.item


def _about_work_or_a_wish(text: str, start: int) -> bool:
    """"SPH, en ik werk nu in de jeugdzorg" or "wil de richting jeugd op" names where someone works
    or wants to work, not the diploma's profile (review 4 of issue 16, finding 3)."""
    words = normalise(text).split()
    begin = max((i + 1 for i, w in enumerate(words[:start]) if w == "|" or w in CLAUSE_WORDS), default=0)
    end = next((i for i in range(start, len(words)) if words[i] == "|" or words[i] in CLAUSE_WORDS), len(words))
    clause = set(words[begin:end])
    return bool(clause & (HYPOTHETICAL | {"werk", "werkt", "werkte", "werkzaam", "baan", "dienst", "slag", "op"}))


GRADUATED = re.compile(r"\b(afgestudeerd|diploma|gehaald|behaald|klaar|afgerond|gediplomeerd|examen)\b")


def _diploma_age(text, pending, reply, today, lezing: Lezing) -> None:
    phrase = _cat("diploma_leeftijd").first(text)
    tokens = normalise(text).split()
    # "al lang", "jaren geleden" date the diploma only as the answer, or beside a word for it:
    # "ik werk al lang in de zorg" or "anderhalf jaar geleden begonnen" says nothing of the diploma
    if phrase and not phrase.negated and (
            pending == "diploma_recent" or GRADUATED.search(" ".join(_clause(tokens, phrase.start)))):
        lezing.feiten["diploma_recent"] = "ja" if phrase.item == "recent" else "nee"
        return
    graduated = GRADUATED.search(normalise(text))
    if pending == "diploma_recent" or graduated or lezing.feiten.get("diploma"):
        ago = tijd.years_ago(text, today)
        if ago and (pending == "diploma_recent" or graduated or re.search(r"(19|20)\d\d", text)):
            years, sure = ago
            lezing.feiten["diploma_recent"] = "ja" if years <= RECENT_YEARS else "nee"
            if not sure or abs(years - RECENT_YEARS) < 0.5:
                lezing.geraden.add("diploma_recent")
            return
    if pending == "diploma_recent" and reply:
        lezing.feiten["diploma_recent"] = {"ja": "ja", "nee": "nee"}.get(reply.waarde, "weet_niet")


def _work(text, pending, reply, today, lezing: Lezing) -> None:
    clean = normalise(text)
    sector, in_youth_care = _work_sector(clean)
    if sector:
        lezing.feiten["werk"] = sector
        if in_youth_care:
            lezing.feiten["werkt_in_jeugdzorg"] = in_youth_care
            if sector in _derived_sectors():
                lezing.geraden.add("werkt_in_jeugdzorg")  # the organisation, not the job
    duration = _current_duration(text, today)
    if duration and (WORKING.search(clean) or pending in ("hbo_functie", "werkt_in_jeugdzorg")):
        lezing.feiten["werkervaring_maanden"] = duration.maanden
    if in_youth_care == "nee":
        lezing.feiten["hbo_functie"] = "nee"  # work outside youth care is no hbo-function in it
    if pending == "werkt_in_jeugdzorg" and "werkt_in_jeugdzorg" not in lezing.feiten and reply:
        lezing.feiten["werkt_in_jeugdzorg"] = "ja" if reply.waarde == antwoord.JA else "nee"
    if pending == "hbo_functie":
        _hbo_function_answer(clean, reply, duration, lezing)
    elif in_youth_care == "ja" and duration is not None:
        if duration.maanden < 12:
            lezing.feiten["hbo_functie"] = "nee"  # "sinds acht maanden": not yet a year
        elif _catalogue_has(clean, HBO_LEVEL) and not _catalogue_has(clean, MBO_LEVEL):
            # only when the level is said ("hbo-functie"): a job title does not say the level or
            # the tasks the EVC route needs, so then the question is asked
            lezing.feiten["hbo_functie"] = "ja"
            lezing.geraden.add("hbo_functie")


WORKING = re.compile(r"\b(werk|werkt|werkte|werkzaam|baan|gewerkt|in dienst|sinds|ervaring)\b")
# A clause that says someone did not work, or that dates a registration or a diploma, gives no
# work experience: "een paar jaar niet gewerkt", "skj geregistreerd sinds 2022".
NOT_WORK = re.compile(r"\b(niet|geen|nooit)\b.{0,20}\b(gewerkt|werk|werken)\b|"
                      r"\b(geregistreerd|ingeschreven|registratie|diploma|afgestudeerd)\b")


def _current_duration(text: str, today) -> tijd.Duur | None:
    """How long someone has worked: in the work they do now when the message also names work
    before ("12 jaar in de retail gewerkt en anderhalf jaar geleden begonnen als
    jeugdhulpverlener": 18 months, batch 7, development half)."""
    text = _without_other_durations(text)
    parts = re.split(r"[.,;:!?()]|\b(?:en|maar|want|dus|terwijl)\b", text)
    now = [d for part in parts if part and not set(normalise(part).split()) & PAST_WORK
           for d in [tijd.duration(part, today)] if d]
    return now[0] if now else tijd.duration(text, today)


def _without_other_durations(text: str) -> str:
    """The message without the parts that say someone did not work, or that date a registration
    or a diploma: "een paar jaar niet gewerkt" is no work experience (issue 15)."""
    parts = re.split(r"([.,;:!?()]|\b(?:en|maar|want|omdat|dus|terwijl)\b)", text)
    return " ".join(p for p in parts if not NOT_WORK.search(normalise(p)))


def _hbo_function_answer(clean: str, reply, duration, lezing: Lezing) -> None:
    """The answer to "at least a year at hbo level, with registration tasks?"."""
    if duration is not None and duration.maanden < 12:
        lezing.feiten["hbo_functie"] = "nee"   # "ja, sinds 8 maanden"
    elif reply and reply.waarde == antwoord.NEE:
        lezing.feiten["hbo_functie"] = "nee"
    elif reply and reply.waarde == antwoord.WEET_NIET:
        lezing.feiten["hbo_functie"] = "weet_niet"
    elif (reply and reply.waarde == antwoord.JA) or (duration is not None and duration.maanden >= 12):
        if _catalogue_has(clean, ["mbo niveau", "op mbo", "mbo functie"]):
            lezing.feiten["hbo_functie"] = "nee"
        else:
            lezing.feiten["hbo_functie"] = "ja"
            if duration is not None and not duration.zeker or (reply and not reply.zeker):
                lezing.geraden.add("hbo_functie")


def _catalogue_has(clean: str, words: list[str]) -> bool:
    return bool(catalogus({"x": words}).first(clean))


def _sectors(key: str) -> Catalogus:
    """A sector list: plain words, or {naam, woorden} (the name is what the summary shows)."""
    items = routes.data()[key]
    return catalogus({i["naam"]: i["woorden"] for i in items if isinstance(i, dict)}
                     | {i: [i] for i in items if isinstance(i, str)})


def _derived_sectors() -> set[str]:
    return {i["naam"] for i in routes.data()["werk_in_jeugddomein"] if isinstance(i, dict) and i.get("afgeleid")}


TRIGGERS = {"werk", "werkt", "werkte", "werkzaam", "baan", "functie", "gewerkt", "dienst", "bij", "als"}
PAST_WORK = {"gewerkt", "werkte", "werkten", "daarvoor", "vroeger", "voorheen", "destijds", "was", "eerder"}


def _work_sector(clean: str) -> tuple[str | None, str | None]:
    """(sector word, "ja"/"nee" for youth care, or None when the sector may be for youth or for
    adults, such as the ggz) for work the person says they do. Not a sector named in a wish or a
    question ("ik wil in de jeugdzorg werken", "genoeg om in de jeugdhulp te werken?")."""
    tokens = clean.split()
    windows = []  # (first word of the window, the window's words)
    for i, token in enumerate(tokens):
        if token in TRIGGERS:
            windows.append((i + 1, tokens[i + 1:i + 7]))
        elif token == "in" and i + 1 < len(tokens) and tokens[i + 1] == "de":
            windows.append((i + 2, tokens[i + 2:i + 8]))

    def said_as_fact(start: int, found) -> bool:
        position = start + found.start
        trigger_clause_start = start - 1
        while trigger_clause_start > 0 and tokens[trigger_clause_start - 1] not in CLAUSE_WORDS | {BREAK}:
            trigger_clause_start -= 1
        span = tokens[trigger_clause_start:position] + _clause(tokens, position)
        return not found.negated and not set(span) & HYPOTHETICAL

    def past(start: int) -> bool:
        """"12 jaar in de retail gewerkt, ... begonnen als jeugdhulpverlener": the work before
        is not the work now (batch 7, development half)."""
        return bool(set(_clause(tokens, start - 1)) & PAST_WORK)

    windows.sort(key=lambda w: past(w[0]))  # stable: the order of mention within now and before
    for keys in ((("ja", "werk_in_jeugddomein"), ("nee", "werk_buiten_jeugddomein")),
                 ((None, "werk_misschien_in_jeugddomein"),)):
        for start, window in windows:
            for answer, key in keys:
                sector = _sectors(key).first(" ".join(window))
                if sector and said_as_fact(start, sector):
                    return sector.item, answer
    return None, None
