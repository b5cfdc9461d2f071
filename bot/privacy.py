"""Redaction of personal data in free text, and validation of contact details.

Users type details about children and families. Before user text reaches the conversation
store, a case or a log it goes through `redact()`, which replaces personal data by a Dutch
placeholder: [e-mail], [telefoon], [bsn], [iban], [adres], [datum], [naam].

`DETECTORS` is one ordered list of named detectors (label, pattern, optional validator). A
pattern with a group `pd` redacts only that group (the words that introduce a name stay).
`find_personal_data()` collects every validated match; where matches overlap the longest
wins (on a tie the earlier detector). Deliberate choices, measured with
tests/privacy/redactie_corpus.yml (`python -m bot.privacy_meting`):
- every full date (day + month + year) is redacted: in this chat it is mostly a birth date;
  a year, or month + year, stays. Day + month only near "geboren/jarig/verjaardag".
- 9 digits are a BSN only when they pass the 11-proef, an IBAN only when it passes mod 97;
  a Dutch phone number has 10 digits, so 112, 0800-2000 and 0800-0432 stay.
- names are only found where something introduces them ("mijn zoon Daan", "ik ben Noor",
  "heet", "mevrouw", "Sem (8)", a greeting); a name found once is redacted everywhere in the
  text. A name without such a cue ("in het dossier staat Piet Klaassen") is not found, nor
  "ik ben karin" in lower case (it reads like "ik ben blij"); names in earlier messages don't count.
- when in doubt about personal data, redact (e.g. any 10-digit phone number, also an 088).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, NamedTuple, Optional


def elfproef(value: str) -> bool:
    """The BSN check: 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11."""
    d = [int(c) for c in re.sub(r"\D", "", value)]
    return len(d) == 9 and any(d) and sum(n * w for n, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11 == 0


def mod97(value: str) -> bool:
    """The IBAN check (ISO 13616): country and check digits to the end, letters as 10..35, mod 97 == 1."""
    iban = re.sub(r"\s", "", value).upper()
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban)) and int(
        "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


def _phone_digits(value: str) -> bool:
    """A Dutch number written from 0 has exactly 10 digits; an international one 9..15 after + or 00."""
    digits = re.sub(r"\D", "", value)
    return 9 <= len(digits.removeprefix("00")) <= 15 if value.startswith(("+", "00")) else len(digits) == 10


def _no_role(name: str) -> bool:
    """A capitalised word after "ik ben", "mijn collega," ... is no name when it is a role, origin or feeling."""
    return not ROLE.search(name.split()[0])


class Detector(NamedTuple):
    label: str
    pattern: re.Pattern
    valid: Optional[Callable[[str], bool]] = None


# Building blocks. A name word starts with a capital and goes on in lower case (so "HR",
# "ADHD", "MDO" are no names); hyphenated first names and double surnames are one word.
UP, LOW = r"A-ZÀ-ÖØ-ÞĆČŁŚŞŠŹŻŽİ", r"a-zß-öø-ÿćčęğıłńśşšźżžą"
TV = r"(?:van der|van den|van de|van 't|in 't|op de|van|de|der|den|ten|ter|te|'t|el|al|da|di|du|le|la|von)"
STOP = (r"(?!(?:Ik|Hij|Zij|Ze|We|Wij|Het|Dit|Dat|Die|Er|Is|Was|En|Of|Maar|Want|Dus|Kan|Mag|Moet|Wil|Gaat|"
        r"Heeft|Zit|Wat|Hoe|Wie|Waar|Wanneer|Waarom|Welke|Graag|Bedankt|Dank|Groet|Groeten|Groetjes|Hallo|Hoi|"
        r"Verhuist|Woont|Krijgt|Wordt|Zegt|Komt)\b)")
W = rf"{STOP}[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+){{0,2}}(?![\w-])"
NAME = rf"(?:(?:[A-Z]\.){{1,4}}|{W})(?:\s+(?:{TV}\s+)?{W}){{0,3}}(?:\s+(?:en|&)\s+{W})?"
NAMES = rf"{NAME}(?:\s*,\s*{NAME})*"
LOWNAME = rf"(?!(?:{TV}|het|een|die|dat|dit|deze|ze|hij|zij|niet|nog|ook|zo|anders|eigenlijk|officieel|"
LOWNAME += rf"hetzelfde|onbekend|veranderd|gewijzigd|belangrijk)\b)[{LOW}]{{2,}}(?:\s+{TV}\s+{W})?(?![\w-])"
FAM = (r"(?:pleeg|stief|klein|schoon)?(?:zoon(?:tje)?|dochter(?:tje)?|kind(?:je)?)|jongste|oudste|middelste|"
       r"broer(?:tje)?|zus(?:je)?|neef(?:je)?|nicht(?:je)?|tweeling|moeder|vader|ouders|oma|opa|tante|oom")
REL = (rf"(?i:{FAM}|cliënte?|cliente?|pupil|jongere|jeugdige|jongen|meisje|familie|gezin|man|vrouw|partner|ex|"
       r"vriend(?:in)?|collega|teamgenoot|leidinggevende|medewerkster|medewerker|werknemer|stagiaire?|kandidaat|"
       r"sollicitant|buurjongen|buurmeisje|son|daughter|child|client|brother|sister|wife|husband|sohn|tochter)")
VERB = (r"(?:heeft|had|is|was|wil|wilde|zit|zat|gaat|ging|woont|woonde|krijgt|kreeg|moet|moest|kan|kon|mag|mocht|"
        r"loopt|liep|wordt|werd|doet|deed|zegt|zei|vindt|vond|komt|kwam|heet|blijft|staat|speelt|leert|werkt|zal|"
        r"zou|gebruikt|slaapt|eet|durft|hoort|ziet|voelt|maakt|spreekt|begint|verhuist|has|wants|lives)\b")
ROLE = re.compile(  # role, origin or feeling words: "ik ben Jeugdzorgwerker", "I'm Dutch", "ik ben Blij"
    r"werk|leider|manager|coach|docent|leraar|lerares|begeleid|consulent|therapeut|agoog|pedagog|psycholoog|verpleeg|"
    r"student|stagiair|instromer|herintreder|moeder|vader|ouder|opgeleid|jeugd|zorg|werkgever|recruiter|adviseur|"
    r"deskundig|trainer|assistent|ondersteuner|voogd|jurist|professional|specialist|directeur|bestuurder|mentor|"
    r"kandidaat|vrijwilliger|ambtenaar|agent|ondernemer|nederland|marokka|turk|surina|antillia|belgi|duits|pools|syri|"
    r"eritre|somali|engels|brits|kaapverdia|afgha|irak|oekra|ghane|indonesi|moluk|chine|hindoesta|koerd|arab|spaans|"
    r"italia|portug|roeme|dutch|english|german|polish|turkish|moroccan|belgian|british|american|blij|bang|benieuwd|"
    r"team|statushouder", re.I)
DAY, MONTH, YEAR = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)\d{2}"
MONTHS = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|"
          r"february|march|may|june|july|august|october|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|oct|nov|dec)")
SUFFIX = (r"(?i:straat|straatweg|laan|weg|plein|gracht|burgwal|kade|dijk|singel|steeg|dreef|hof|park|markt|"
          r"plantsoen|erf|ring|baan|wal|haven|allee|boulevard|pad|veld|kamp|berg|dal|oord|hoek|akker|weide|zijde|"
          r"vaart|kanaal|brink)")  # a street name ends in one of these: "Kerkstraat", "Oude Gracht", "Markt"
# Up to three words before the street word ("Burgemeester de Withstraat"); word lengths bounded against backtracking.
STREET = (rf"(?:[A-Z][\w'.-]{{0,30}}\s+(?:(?:van|de|der|den|het|'t|ten|ter|op|aan)\s+){{0,2}}){{0,3}}"
          rf"(?=[A-Z])[\w'-]{{0,30}}?{SUFFIX}")
HUISNR = (r"\d{1,5}(?!\d)(?:[a-zA-Z]\b|-(?:\d{1,4}|[a-zA-Z]{1,3})\b| (?:[A-Z]|hs|bis|II|III)\b)?"
          r"(?!\s*(?:jaar|uur|keer|km|minuten|dagen|weken|maanden|kinderen|euro|%|procent|EC)\b)")
POSTCODE = r"(?<![\w-])[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w-])"


def _d(label: str, pattern: str, valid: Optional[Callable[[str], bool]] = None, flags: int = 0) -> Detector:
    return Detector(label, re.compile(pattern, flags), valid)


DETECTORS = [
    # An e-mail address identifies its owner, whoever that is; the TLD keeps a final dot out.
    _d("e-mail", r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b"),
    # IBAN, compact or in groups of four, any country; only a valid mod-97 checksum counts.
    _d("iban", r"(?<![A-Za-z0-9])[A-Za-z]{2} ?\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?\d{1,3})?(?![A-Za-z0-9])", mod97),
    # BSN: 9 digits, also as 123.456.782, 123 456 782 or 1234 56 782; only with a valid 11-proef.
    _d("bsn", r"(?<![\w.,€-])(?<!€ )(?:\d{9}|\d{3}([. ])\d{3}\1\d{3}|\d{4}([. ])\d{2}\2\d{3})(?![\w-]|[.,]\d)",
       elfproef),
    # Phone, international: + or 00, country code, then digits with spaces, dots, dashes, (0) or (area).
    _d("telefoon", r"(?<![\w+-])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?(?:\(\d{1,4}\)|\d)){6,13}(?!\d)", _phone_digits),
    # Phone, Dutch: 10 digits from a 0, as 06-12345678, 020 123 45 67 or (020) 123 4567.
    _d("telefoon", r"(?<![\w+-])(?:\(0\d{2,3}\)|0[1-9])(?:(?: - |[ -])?\d){6,8}(?![\d-])", _phone_digits),
    # A full date: 12-03-2015, 12/3/2015, 12.03.2015, 2015-03-12 ...
    _d("datum", rf"(?<![\w.-]){DAY}([-/.]){MONTH}\1{YEAR}(?![\w-]|\.\d)|(?<![\w.-]){YEAR}-{MONTH}-{DAY}(?![\w-])"),
    # ... or written: 12 maart 2015, 1e april 2022, 7 okt. 2011, 12 March 2015, March 12, 2015.
    _d("datum", rf"\b{DAY}(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?,?\s+{YEAR}\b"
                rf"|\b{MONTHS}\.?\s+{DAY}(?:st|nd|rd|th)?,?\s+{YEAR}\b", flags=re.I),
    # Day and month without a year is a birthday only where the text says so.
    _d("datum", rf"\b(?:geboren|geb\.?|jarig|verjaardag|birthday)\b(?:\s+(?:is|op|on))*\s+(?P<pd>{DAY}e?\s+{MONTHS})\b"
                rf"|\b(?:wordt|werd)\s+(?:\w+\s+)?op\s+(?P<pd2>{DAY}e?\s+{MONTHS})\s+\d{{1,2}}\b", flags=re.I),
    # An address: street and number, with postcode if it follows; or a postcode, with number if it follows.
    _d("adres", rf"\b{STREET}\s+(?:nummer\s+|nr\.?\s*)?{HUISNR}(?:,?\s+{POSTCODE})?"
                rf"|\b(?i:huis)?(?i:nummer)\s+{HUISNR}\s+(?:in|aan|op)\s+(?:de\s+|het\s+)?{STREET}\b"),
    _d("adres", rf"{POSTCODE}(?:,?\s+{HUISNR})?"),
    # A street typed in lower case counts where the text says it is where someone lives.
    _d("adres", rf"(?i:\b(?:op|aan|naar)\s+(?:de\s+|het\s+)?|adres(?:\s+is)?\s*:?\s+)(?P<pd>(?:[a-zà-ÿ'.-]{{1,30}}\s+)"
                rf"{{0,3}}?[a-zà-ÿ'-]{{1,30}}?{SUFFIX}\s+{HUISNR}(?:,?\s+{POSTCODE})?)"),
    # A relative, client or colleague followed by a name: "mijn zoon Daan", "cliënt J. de Vries",
    # "De jongere, Ilse Mulder,"; as a field label "Kandidaat: Esra Yilmaz" at the start of a clause.
    _d("naam", rf"\b{REL}(?:\s*,\s*|\s+)(?P<pd>{NAME})|(?:^|[.!?;]\s*)(?i:naam\s+)?{REL}\s*:\s*(?P<pd2>{NAME})"
               rf"|(?i:\b(?:{FAM})\s+van)\s+(?P<pd3>{NAME})|(?i:\b(?:mijn|onze|m'n)\s+[{LOW}]+),\s+(?P<pd4>{NAME}),"
               rf"|(?i:\b(?:pleeg|klein)?(?:kinderen|zonen|dochters|cliënten|jongeren|pupillen|broers|zussen|zusjes|"
               rf"broertjes|collega's)\b)\s*[:,]?\s*(?P<pd5>{NAMES})", _no_role),
    # A client named as the object of care work: "ik begeleid Sem en Daan", "ik behandel Noor".
    _d("naam", rf"(?i:\b(?:begeleid|behandel|coach|ondersteun)(?:de|den|t|en)?\s+)(?P<pd>{NAME})", _no_role),
    # Lower case after a relative at the start of a clause only when a verb or an age follows
    # ("onze zoon daan heeft ...", "mijn pupil daan (14)"): Dutch puts the verb second there.
    _d("naam", rf"(?:^|[.!?;:,]\s*|\b(?:en|maar|want)\s+)(?i:mijn|m'n|onze|ons|zijn|haar|de|het)\s+{REL}\s+"
               rf"(?P<pd>(?!{VERB}|{REL}\b|(?:zelf|en|of|die|dus|nu)\b)[{LOW}]{{2,}})(?=\s+{VERB}|\s*\(\d)"),
    # Introduced by a phrase that names someone: "heet", "mijn naam is", "called" (also lower case) ...
    _d("naam", rf"(?i:\b(?:(?:heet|heten|heette|hete)(?:\s+(?:eigenlijk|officieel|voluit|ook))?|heiße|heisse|heißt|"
               rf"(?:mijn|zijn|haar|z'n|my|his|her)\s+(?:voor|roep|achter)?naam\s+is|(?:my|his|her)\s+name\s+is|"
               rf"mein name ist|nazywam się|is called|named|called)\s+)(?P<pd>{NAME}|{LOWNAME})"),
    # ... or "genaamd", "voluit", "roepnaam:", "Contact:", "t.n.v." (only a capitalised name).
    _d("naam", rf"(?i:\b(?:noem(?:t|en|de)?\s+(?:zich(?:zelf)?|hem|haar)|genaamd|alias|voluit|officieel|"
               rf"(?:roep|voor|achter)?naam(?:\s+\w+)?\s*:|contact(?:persoon)?\s*:|t\.?n\.?v\.?)\s+)(?P<pd>{NAME})"),
    # "ik ben Noor" and "I'm Priya", but not "ik ben Jeugdzorgwerker D" or "I'm Dutch".
    _d("naam", rf"(?i:\b(?:ik ben|i'm|i am|ich bin)\s+)(?P<pd>{NAME})", _no_role),
    # A title or a greeting before a name: "mevrouw De Wit", "dhr. P. Smit", "Groetjes Linda".
    _d("naam", rf"(?i:\b(?:mevrouw|mevr\.|mw\.|meneer|mnr\.|dhr\.|de heer|mrs?\.?|ms\.?|juf|meester|groet(?:en|jes)?|"
               rf"mvg|regards|cheers)[,.!]?\s+)(?P<pd>(?:{TV}\s+)?{NAME})"),
    # Introducing oneself as on the phone: "Yvonne hier, ...", "Hallo, met Ricardo."
    _d("naam", rf"(?:^|[.!?,]\s*)(?:(?P<pd>{NAME})\s+hier\b|(?i:met)\s+(?P<pd2>{NAME})(?=\s*(?:[.,!?]|$)))", _no_role),
    # A name with an age: "Sem (8)", "Jamal (16 jaar)", "(Liam, 7)", "meisje van 14, Noa,", "het gaat om
    # Timo, 15 jaar"; not after an article.
    _d("naam", rf"(?<![Dd]e )(?<![Hh]et )(?<![Ee]en )\b(?P<pd>{NAME})(?=\s*\(\d{{1,2}}(?:\s*(?:jaar|jr\.?))?\))"
               rf"|\(\s*(?P<pd2>{NAME}),\s*\d{{1,2}}(?:\s*jaar)?\s*\)|\bvan \d{{1,2}}(?: jaar)?,\s+(?P<pd3>{NAME}),"
               rf"|(?:(?<=\bom )|(?<=\bover ))(?P<pd4>{NAME})(?=,\s*\d{{1,2}}\s*(?:jaar|jr)\b)"),
]


def _spans(text: str) -> list[tuple[str, int, int, int]]:
    found = []
    for order, det in enumerate(DETECTORS):
        for m in det.pattern.finditer(text):
            group = next((g for g in det.pattern.groupindex if g.startswith("pd") and m.group(g)), 0)
            start, end = m.span(group)
            # A failed checksum may be a word too long: drop trailing words and check again.
            while end > start and det.valid and not det.valid(text[start:end]):
                end = text.rfind(" ", start, end)
            if end > start:
                found.append((det.label, start, end, order))
    for label, start, end, _ in [f for f in found if f[0] == "naam"]:  # a name found once, everywhere
        for w in {w for w in re.findall(r"[^\W\d_]{2,}", text[start:end]) if not re.fullmatch(rf"{TV}|en", w, re.I)}:
            again = re.finditer(rf"\b(?:{w}|{w[0].upper() + w[1:]})\b", text)  # "daan" also as "Daan", not vice versa
            found += [("naam", m.start(), m.end(), len(DETECTORS)) for m in again]
    return found


def find_personal_data(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of the personal data in text, non-overlapping, longest first, in text order."""
    chosen: list[tuple[str, int, int]] = []
    for label, start, end, _ in sorted(_spans(text), key=lambda s: (s[1] - s[2], s[3], s[1])):
        if all(end <= s or start >= e for _, s, e in chosen):
            chosen.append((label, start, end))
    return sorted(chosen, key=lambda s: s[1])


def redact(text: str) -> str:
    """text with every personal data item replaced by its placeholder, e.g. '[naam]'. Zero-width and
    control characters go first: they mean nothing to a reader and could hide an e-mail address."""
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cf", "Cc"))
    for label, start, end in reversed(find_personal_data(text)):
        text = f"{text[:start]}[{label}]{text[end:]}"
    return text


EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}$")
PHONE = re.compile(r"^(?:\+|00)?[\d\s()-]{8,20}$")


def valid_email(value: str) -> bool:
    return bool(EMAIL.match(value.strip()))


def normalise_phone(value: str) -> str | None:
    """The number with only digits and a leading +, or None if it is not a phone number."""
    value = value.strip()
    if not PHONE.match(value):
        return None
    digits = re.sub(r"[^\d+]", "", value)
    return digits if 10 <= len(digits.lstrip("+")) <= 15 else None
