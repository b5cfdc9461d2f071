"""Who is asking: an employer about a worker, or a person about their own road into youth care.

"Onze zij-instromer wil weten of ze mag notuleren" is an employer; "ik ben zij-instromer,
waar begin ik" is a side-entrant. When an opening could be either, the assistant asks
instead of guessing (issue 15): an employer must never land in the personal intake.
"""
from __future__ import annotations

import re

from bot.lezer.tekst import normalise

WERKGEVER, ZELF = "werkgever", "zelf"
ROLES = (r"werkgever|teamleider|teamleidster|leidinggevende|manager|hr|hrm|p&o|po|hr adviseur|hr-adviseur"
         r"|personeelsadviseur|recruiter|coordinator|teamcoordinator|teamcoach|bestuurder|directeur|praktijkopleider"
         r"|opleidingscoordinator|inkoper|beleidsmedewerker|beleidsadviseur|zorgmanager|afdelingshoofd"
         r"|werkbegeleider|praktijkbegeleider|eigenaar|gedragswetenschapper van het team")
# Statements that settle it, as an answer to "voor jezelf of als werkgever?" or in an opening.
_EXPLICIT = {
    WERKGEVER: [rf"(?<!jaar )(?<!jaren )(?<!maanden )(?<!werkte )(?<!gewerkt )(?<!was )\bals ({ROLES})\b",
                rf"\bik ben (de |een |hier |haar |zijn |hun )?({ROLES})\b", rf"\bwij zijn (een )?\w*",
                r"\b(voor|over|namens) (een |mijn |onze |de )?(medewerker|medewerkers|collega|collega's|team|organisatie|werknemer|stagiair|stagiaire|zij instromer|trainee"
                r"|zzp'?er|zzp'?ers|ondersteuner|begeleider|pm'?er|mbo'?er|hbo'?er|herintreder|sollicitant|kandidaat|vrijwilliger)\b",
                r"\bvoor iemand anders\b", r"\bover iemand anders\b",
                # a parent who pays someone from the child's pgb asks as the one who deploys them
                r"\bpgb voor (mijn|ons|onze) (zoon|dochter|kind|kinderen)\b", r"\b(betalen|betaal) uit (het|mijn|ons) pgb\b", r"^(werkgever|leidinggevende|hr|teamleider|manager)\b",
                r"\bwerkgever\s*$", r"\bvoor ons team\b", r"\bnamens\b",
                # "nee niet voor mezelf, ik ben haar werkbegeleider" (batch 9, development half)
                r"\bniet (voor|over) (mezelf|mijzelf|mij|mijn eigen)\b"],
    ZELF: [r"(?<!niet )\bvoor mezelf\b", r"(?<!niet )\bvoor mijzelf\b",
           r"(?<!niet )\bover mezelf\b", r"(?<!niet )\bover mijzelf\b", r"^(mezelf|mijzelf|zelf|ik zelf|ikzelf|voor mij|mij)\b",
           r"\bvoor mij(zelf)?\s*$", r"\bik ben (zelf )?(de )?(zij instromer|zijinstromer|herintreder|student|starter|werkzoekende)\b",
           r"\bmijn eigen\b", r"\bvoor mijn eigen\b", r"^zelf\s*$", r"\bik (wil|zoek|ga) (zelf )?(de )?jeugdzorg\b"],
}
# Kinds of people someone may have working for them: "ik heb een zzp'er die ..." is an
# employer, "ik heb een hbo diploma" is not (batch 7, development half).
_WORKERS = (r"(zij ?instromers?|trainees?|stagiaires?|stagiairs?|zzp'?ers?|medewerkers?|medewerkster|collega'?s?|"
            r"begeleiders?|pm'?ers?|mbo'?ers?|hbo'?ers?|bbl'?ers?|ondersteuners?|therapeut\w*|pmt'?ers?|"
            r"ervaringsdeskundigen?|invallers?|oproepkrachten?|gezinshuisouders?|thuisbegeleiders?|herintreders?|"
            r"herintreedsters?|sollicitanten?|kandidaten?)")
_HAS_WORKER = rf"\bik heb (een|twee|drie|vier|\d+|hier een|nu een|sinds kort een) (nieuwe |jonge |ervaren )?{_WORKERS}\b"
# Cues that lean one way in an opening.
_CUES = {
    WERKGEVER: [r"\bonze\b", r"\bons team\b", r"\bbij ons\b", r"\bwij\b", r"\bwe (hebben|willen|zetten|mogen)\b",
                r"\bmijn (\w+ )?(medewerker|medewerkers|team|collega|collega's|stagiair|stagiaire|zij instromer|trainee)\b",
                r"\bik wil (haar|hem) \w+", r"\bwil ik (haar|hem) \w+", r"\b(heb|hebben) (\w+ ){1,3}(aangenomen|in dienst genomen)\b", r"\b(haar|hem) (een|de|het) (eigen )?\w+ (geven|laten)\b",
                r"\bin dienst\b", r"\binzetten\b", r"\btoedelen\b", r"\blaten doen\b", r"\bwerktoedeling\b",
                r"\b(mag|mogen|kan|kunnen) (een|de|die|onze|mijn|deze) \w+", _HAS_WORKER,
                r"\bmedewerker\b", r"\bonder verantwoordelijkheid van\b"],
    ZELF: [r"\bik wil\b(?! (haar|hem)\b)", r"\b(kan|mag|moet|wil) ik\b(?! (haar|hem)\b)", rf"\bik heb\b(?! (een|twee|drie|vier|\d+|hier een|nu een|sinds kort een) (nieuwe |jonge |ervaren )?{_WORKERS}\b)", r"\bik ben\b", r"\bmijn (diploma|opleiding|registratie|studie|werkgever|baas|leidinggevende)\b",
           r"\bwaar begin ik\b", r"\bik werk\b", r"\bik zoek\b", r"\bik studeer\b", r"\bmij\b", r"\bmezelf\b", r"\bik was\b", r"\bik sta\b",
           r"\bik doe\b", r"\bik kom\b"],
}
# Kinds of people an employer asks about, whose name alone does not say who is asking.
PERSONS = (r"\b(zij ?instromers?|trainees?|stagiaires?|stagiairs?|stagaires?|stagiares?|therapeut\w*|zzp'?ers?|herintreders?"
           r"|student\w*|bbl'?ers?|mbo'?ers?|hbo'?ers?|pmt'?ers?|pmt er)\b")


def _any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def explicit(text: str) -> str | None:
    """An answer that settles who is asking ("als werkgever", "voor mezelf"), or None."""
    clean = normalise(text).replace("|", " ").strip()
    employer, own = _any(_EXPLICIT[WERKGEVER], clean), _any(_EXPLICIT[ZELF], clean)
    if employer != own:
        return WERKGEVER if employer else ZELF
    return None


def lean(text: str) -> str | None:
    """Which way an opening leans by its words: the explicit statement, else the cues when
    they all point one way. None when they conflict or there are none."""
    settled = explicit(text)
    if settled:
        return settled
    clean = normalise(text).replace("|", " ")
    employer, own = _any(_CUES[WERKGEVER], clean), _any(_CUES[ZELF], clean)
    if employer and not own:
        return WERKGEVER
    if own and not employer:
        return ZELF
    return None


def mentions_person(text: str) -> bool:
    return bool(re.search(PERSONS, normalise(text)))


EMPLOYER_INTENTS = {"werktoedeling_vraag", "start_werktoedeling", "wt_correctie", "nog_een_taak"}
OWN_INTENTS = {"start_route"}


def choose_flow(text: str, intent: str | None, employer_facts: bool, own_facts: bool) -> str | None:
    """"werktoedeling", "route", "doelgroep" (ask who is asking) or None (no flow).

    A button settles it. Else the person's own words, the NLU intent and the facts in the
    message each vote; one clear statement ("ik ben teamleider") outweighs the rest. When
    the votes disagree, or a route question names a kind of worker without "ik", ask.
    """
    if not text:  # a button: /start_route or /start_werktoedeling
        return {"start_route": "route", "start_werktoedeling": "werktoedeling"}.get(intent or "")
    settled = explicit(text)
    if settled:
        return "werktoedeling" if settled == WERKGEVER else "route"
    votes = set()
    leaning = lean(text)
    if leaning:
        votes.add("werktoedeling" if leaning == WERKGEVER else "route")
    if intent in EMPLOYER_INTENTS:
        votes.add("werktoedeling")
    elif intent in OWN_INTENTS:
        votes.add("route")
    if employer_facts and not own_facts:
        votes.add("werktoedeling")
    elif own_facts and not employer_facts:
        votes.add("route")
    if len(votes) != 1:
        # "hoi, vraagje over een stagaire": someone is asked about, but by whom? Ask (batch 3).
        return "doelgroep" if votes or (employer_facts and own_facts) or mentions_person(text) else None
    flow = votes.pop()
    if flow == "route" and leaning != ZELF and (mentions_person(text) or employer_cue(text)):
        # "vraagje over onze zij-instromer..." without a clear "ik"; "mijn nieuwe collega ... ik
        # wil haar een eigen caseload geven": an employer must never land in the intake
        return "doelgroep"
    return flow


def employer_cue(text: str) -> bool:
    return _any(_CUES[WERKGEVER], normalise(text).replace("|", " "))
