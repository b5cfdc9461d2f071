"""Redaction before a case is stored, and contact validation (issue 9 adds the full corpus)."""
import pytest

from bot.privacy import normalise_phone, redact, valid_email


@pytest.mark.parametrize("text, expected", [
    ("mail me op sam.de.vries@example.nl", "mail me op [e-mail]"),
    ("bel 06-12345678 of 020 123 4567", "bel [telefoon] of [telefoon]"),
    ("mijn zoon heet Daan Jansen en is 12", "mijn zoon heet [naam] en is 12"),
    ("hij woont op 1234 AB 12", "hij woont op [adres]"),
    ("geboren op 03-04-2012", "geboren op [datum]"),
    ("zijn bsn is 123456782", "zijn bsn is [nummer]"),
    ("Mag een teamondersteuner notuleren bij een MDO?", "Mag een teamondersteuner notuleren bij een MDO?"),
    ("ik werk 15 jaar bij de politie, sinds 2010", "ik werk 15 jaar bij de politie, sinds 2010"),
])
def test_redaction(text, expected):
    assert redact(text) == expected


def test_contact_validation():
    assert valid_email("sam@example.org") and not valid_email("sam@example") and not valid_email("geen mail")
    assert normalise_phone("06 12 34 56 78") == "0612345678"
    assert normalise_phone("+31 6 1234 5678") == "+31612345678"
    assert normalise_phone("123") is None and normalise_phone("bel me maar") is None
