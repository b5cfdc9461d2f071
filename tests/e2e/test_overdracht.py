"""Handoff to the deskundigenteam through the real servers, into the real case store."""
import re

from sqlalchemy import func, select

from bot.zaken.model import Zaak
from bot.zaken.opslag import CaseStore
from tests.conftest import payloads, texts


def overdracht(messages):
    return next(m["custom"] for m in messages if m.get("custom", {}).get("type") == "overdracht")


def cases_for(assistant, sender):
    store = CaseStore(assistant.case_db_url)
    store.migrate()  # the action server creates the tables with its first case
    with store.session() as session:
        count = session.scalar(select(func.count()).select_from(Zaak).where(Zaak.gesprek_id == sender))
    store.engine.dispose()
    return count


def test_asking_for_a_person_creates_a_case_with_a_reference(assistant, sender):
    consent = texts(assistant.say(sender, "ik wil graag iemand spreken"))
    assert "deskundigenteam" in consent and "Is dat goed?" in consent
    assert "noemen" in texts(assistant.say(sender, "ja"))
    assert "contact" in texts(assistant.say(sender, "Sam"))
    assistant.say(sender, '/inform{"contactvoorkeur": "email"}')
    assert "geen geldig e-mailadres" in texts(assistant.say(sender, "sam at voorbeeld"))
    summary = texts(assistant.say(sender, "sam@voorbeeld.nl"))
    assert "Dit sturen we naar het deskundigenteam" in summary and "sam@voorbeeld.nl" in summary
    more = texts(assistant.say(sender, "Mijn zoon heet Daan en ik wil weten of ik met mijn diploma kan beginnen"))
    assert "Aanvulling:" in more and "Daan" not in more  # a third party's name is redacted
    final = assistant.say(sender, "/affirm")
    result = overdracht(final)
    assert re.fullmatch(r"AKB-\d{4}-\d{5}", result["referentie"]) and result["status"] == "nieuw"
    assert result["referentie"] in texts(final)
    store = CaseStore(assistant.case_db_url)
    zaak = store.case(result["referentie"])  # committed before the user saw the reference
    store.engine.dispose()
    assert zaak.email == "sam@voorbeeld.nl" and zaak.naam == "Sam" and zaak.gesprek_id == sender
    assert "[naam]" in zaak.vraag and "Daan" not in zaak.vraag


def test_declining_consent_stores_nothing_and_gives_the_public_route(assistant, sender):
    assistant.say(sender, "/mens_spreken")
    reply = texts(assistant.say(sender, "nee liever niet"))
    assert "bewaren niets" in reply and "www.allekansenbenut.nl" in reply
    assert cases_for(assistant, sender) == 0


def test_an_unclear_werktoedeling_case_reaches_the_team_with_the_advice(assistant, sender):
    assistant.say(sender, "mag de ondersteuner het plan ondertekenen namens de jeugdbeschermer?")
    advice = assistant.say(sender, "klopt")
    assert "/mens_spreken" in payloads(advice)
    assistant.say(sender, "/mens_spreken")
    assistant.say(sender, "/affirm")
    assistant.say(sender, "Kim")
    assistant.say(sender, '/inform{"contactvoorkeur": "telefoon"}')
    assert "organisatie" in texts(assistant.say(sender, "06 12345678"))
    assistant.say(sender, "Jeugdzorg Voorbeeldstad")
    result = overdracht(assistant.say(sender, "/affirm"))
    store = CaseStore(assistant.case_db_url)
    zaak = store.case(result["referentie"])
    store.engine.dispose()
    assert zaak.soort == "werktoedeling" and zaak.telefoon == "0612345678"
    assert zaak.advies["verdict"] == "deskundigenteam" and zaak.organisatie == "Jeugdzorg Voorbeeldstad"
