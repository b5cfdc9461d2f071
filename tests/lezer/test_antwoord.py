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


@pytest.mark.parametrize("text", ["kan ik niet inschatten", "heb ik geen zicht op", "ligt eraan", "lastig hoor",
                                  "kan ik niet beoordelen"])
def test_a_reply_that_cannot_judge_is_dont_know_not_no(text):
    """'kan ik niet inschatten' was read as a no from its 'niet': to an indicator question that made
    the verdict more permissive than the person meant (a doubt counts as applying, README)."""
    assert read(text).waarde == "weet_niet"


@pytest.mark.parametrize("text", ["nee, maar er zijn wel zorgen", "nee maar soms is vader boos",
                                  "nee, maar ik heb wel mijn twijfels"])
def test_a_no_that_takes_itself_back_is_dont_know(text):
    reply = read(text)
    assert reply.waarde == "weet_niet" and reply.zeker is False


def test_a_no_then_another_matter_stays_no():
    assert read("nee, maar wel complexe problemen").waarde == "nee"
    assert read("best wel eigenlijk").waarde == "ja"


@pytest.mark.parametrize("text", ["weet ik eerlijk gezegd niet. er zijn wat zorgen", "ik weet het echt niet",
                                  "dat weet ik eigenlijk niet precies"])
def test_dont_know_with_words_in_between_is_not_a_no(text):
    """Batch 7 (development half): "weet ik eerlijk gezegd niet" to the unsafe question was read as
    "no" from its "niet", and the verdict became more permissive than the norm."""
    assert read(text).waarde == WEET_NIET


def test_knowing_for_sure_that_it_is_not_stays_no():
    assert read("ik weet zeker dat het niet zo is").waarde == NEE
