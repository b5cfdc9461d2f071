"""Yes, no and "weet ik niet" as people type them, without the intent classifier."""
import pytest

from bot.lezer.antwoord import JA, NEE, WEET_NIET, read

CASES = {
    JA: ["ja", "Ja!", "jaa", "jep", "jup", "yes", "klopt", "dat klopt", "zeker", "jazeker", "inderdaad",
         "ja hoor", "tuurlijk", "natuurlijk", "ja ik wil me registreren", "ja, sinds 8 maanden", "Jawel",
         "precies", "👍", "ja, ze heeft een skj registratie", "ehm ja", "correct"],
    NEE: ["nee", "Nee.", "nope", "nee hoor", "neuh", "nah", "nooit", "helemaal niet", "zeker niet",
          "nee, ik sta niet ingeschreven", "niet echt", "klopt niet", "ja nee", "nee joh", "helaas niet",
          "nog niet", "valt mee", "denk het niet", "niks", "absoluut niet", "welnee"],
    WEET_NIET: ["weet ik niet", "geen idee", "geen flauw idee", "idk", "weet niet", "misschien", "soms",
                "twijfel", "geen idee eigenlijk", "dat weet ik niet zeker", "lastig te zeggen", "hangt ervan af",
                "weet ik nog niet", "goeie vraag"],
}


@pytest.mark.parametrize("text,meaning", [(t, m) for m, texts in CASES.items() for t in texts])
def test_reads_the_reply(text, meaning):
    assert read(text).waarde == meaning


@pytest.mark.parametrize("text", ["denk het wel", "valt wel mee", "ik denk van wel", "niet echt"])
def test_a_leaning_reply_is_not_certain(text):
    assert read(text).zeker is False


@pytest.mark.parametrize("text", ["", "   ", "het gaat om notuleren", "bij de gemeente", "hbo pedagogiek"])
def test_no_yes_no_in_a_statement(text):
    assert read(text) is None


def test_a_short_denial_without_a_no_word_reads_as_no_but_unsure():
    reply = read("er is geen sprake van")
    assert reply.waarde == NEE and reply.zeker is False
