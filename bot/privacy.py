"""Redaction of personal data in free text, and validation of contact details.

Users may type details about children and families. Before text goes into a case it
is redacted here: e-mail addresses, phone numbers, BSN-like numbers, postcode with
house number, dates of birth and names introduced as "mijn zoon/dochter/cliënt heet …".
"""
from __future__ import annotations

import re

PATTERNS = [
    ("[e-mail]", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("[telefoon]", re.compile(r"(?<!\d)(?:\+31|0031|0)\s*(?:[1-9](?:[\s-]?\d){8})(?!\d)")),
    ("[telefoon]", re.compile(r"(?<!\d)\+\d{2,3}(?:[\s-]?\d){6,12}(?!\d)")),
    ("[nummer]", re.compile(r"(?<!\d)\d{9}(?!\d)")),
    ("[adres]", re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b(?:\s+\d+[a-zA-Z]?)?")),
    ("[datum]", re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b")),
]
NAME_AFTER = re.compile(
    r"(\b(?:zoon|dochter|cliënt|client|kind|pupil|jongere|broer|zus|neef|nicht)\s+heet\s+)"
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+)?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}$")
PHONE = re.compile(r"^(?:\+|00)?[\d\s()-]{8,20}$")


def redact(text: str) -> str:
    for label, pattern in PATTERNS:
        text = pattern.sub(label, text)
    return NAME_AFTER.sub(r"\1[naam]", text)


def valid_email(value: str) -> bool:
    return bool(EMAIL.match(value.strip()))


def normalise_phone(value: str) -> str | None:
    """The number with only digits and a leading +, or None if it is not a phone number."""
    value = value.strip()
    if not PHONE.match(value):
        return None
    digits = re.sub(r"[^\d+]", "", value)
    return digits if 10 <= len(digits.lstrip("+")) <= 15 else None
