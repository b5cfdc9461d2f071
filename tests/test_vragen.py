"""Questions and small talk without an NLU label, recognised by their words (bot/kennis/vragen.yml)."""
import pytest
import yaml

from bot import vragen
from pathlib import Path

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("text,answer", [
    ("is skj een vakbond?", "utter_faq/skj_en_beroepsvereniging"),
    ("door wie is het kwaliteitsregister eigenlijk opgericht", "utter_faq/skj_en_beroepsvereniging"),
    ("wat is het verschil tussen skj en big", "utter_faq/skj_en_big"),
    ("ik sta in het big register als verpleegkundige, moet ik ook in skj?", "utter_faq/skj_en_big"),
    ("mijn herregistratie is afgewezen, kan ik bezwaar maken?", "utter_faq/bezwaar"),
    ("kan ik opzoeken of een collega geregistreerd is", "utter_faq/register_raadplegen"),
    ("wat houdt de norm van de verantwoorde werktoedeling in?", "utter_faq/norm_werktoedeling"),
])
def test_a_question_without_a_label_is_recognised(text, answer):
    assert vragen.answer_for(text) == answer


@pytest.mark.parametrize("text", [
    "wat is skj",
    "hoe registreer ik me bij skj",
    "de gemeente heeft de jeugdhulp voor mijn zoon afgewezen, hoe maak ik bezwaar",  # not about SKJ
    "mag een niet geregistreerde medewerker een plan schrijven",
    "wat kost een registratie",
])
def test_other_questions_keep_their_own_answer(text):
    assert vragen.answer_for(text) is None


@pytest.mark.parametrize("text,answer", [
    ("hoe gaat het?", "utter_hoe_gaat_het"),
    ("hoi, hoe is het met jou", "utter_hoe_gaat_het"),
    ("je snapt me niet", "utter_frustratie"),
    ("wat een stomme bot", "utter_frustratie"),
    ("dat is geen antwoord op mijn vraag", "utter_frustratie"),
    ("hoe gaat het met de registratie?", None),  # a real question
    ("hoi", None),
])
def test_small_talk_gets_a_short_answer(text, answer):
    assert vragen.small_talk(text) == answer


def test_every_answer_exists_in_the_domain():
    responses = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses |= yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}
    assert vragen.answers() <= set(responses)
