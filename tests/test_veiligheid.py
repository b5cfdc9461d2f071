"""The crisis safety net and the length limit, as NLU components see messages."""
from rasa.shared.nlu.training_data.message import Message

from extensions.invoer import MAX_TEKENS, BerichtLengte
from extensions.veiligheid import CrisisVangnet, possible_crisis

UNSURE = [{"name": "nlu_fallback", "confidence": 0.6}, {"name": "crisis", "confidence": 0.05}]


def test_an_unsure_message_that_names_danger_becomes_a_crisis():
    assert possible_crisis("mijn buurmeisje heeft steeds blauwe plekken", "nlu_fallback", UNSURE)
    assert possible_crisis("im scared he will hurt my little brother", "out_of_scope", UNSURE)
    assert possible_crisis("mijn zoon zegt dat hij niet meer wil leven", "out_of_scope", UNSURE)


def test_the_signal_categories_added_later_are_recognised():
    """Poisoning, self-harm, suicide phrasings, sextortion, a child left alone, English."""
    for text in ("mijn dochter heeft net pillen geslikt", "hij snijdt zichzelf al weken",
                 "ze wil een einde aan haar leven maken", "ik word gechanteerd met naaktfoto's",
                 "er zit een peuter alleen in de auto", "my stepdad hits me",
                 "mijn ex dreigt de kinderen iets aan te doen"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text
    for text in ("is daar iets aan te doen?", "mijn registratie is verlopen, kan ik er iets aan doen"):
        assert not possible_crisis(text, "out_of_scope", UNSURE), text


def test_danger_named_in_a_question_for_the_faq_is_a_crisis_too():
    assert possible_crisis("een leerling heeft blauwe plekken, kan ik een klacht indienen?", "faq", UNSURE)


def test_indirect_kinds_from_the_blind_development_half():
    for text in ("mijn vader zei dat ik het vanavond wel zou merken", "dit is mijn laatste bericht denk ik",
                 "papa houdt haar hoofd onder water in bad", "ik durf vandaag niet naar huis",
                 "hij zegt dat mama al 3 dagen niet thuis is geweest", "ze wordt gedwongen uitgehuwelijkt"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text


def test_a_look_alike_stays_one_when_now_is_about_something_else():
    from extensions.veiligheid import look_alike, possible_crisis
    assert look_alike("ik ben zelf als kind mishandeld, nu wil ik andere kinderen helpen. waar begin ik")
    assert not look_alike("ik ben als kind mishandeld en word nu weer geslagen door mijn stiefvader")
    # a career question does not take back a crisis (second review, issue 16)
    assert not look_alike("mijn zoon is suicidaal, waar begin ik?")
    assert possible_crisis("de jongere is nu suicidaal, mag onze stagiair bij hem blijven?",
                           "werktoedeling_vraag", UNSURE)


def test_crisis_high_in_the_ranking_is_enough():
    ranking = [{"name": "nlu_fallback", "confidence": 0.6}, {"name": "crisis", "confidence": 0.3}]
    assert possible_crisis("er gebeurt iets ergs", "nlu_fallback", ranking)


def test_a_task_question_naming_danger_is_a_crisis_only_when_it_happens_now():
    assert possible_crisis("op huisbezoek zag ik dat de baby verwaarloosd is, wie moet ik bellen",
                           "werktoedeling_vraag", UNSURE)
    assert not possible_crisis("mag een stagiair op huisbezoek bij een gezin waar de baby verwaarloosd is?",
                               "werktoedeling_vraag", UNSURE)
    assert not possible_crisis("wie moet ik bellen voor een taakcheck?", "werktoedeling_vraag", UNSURE)


def test_confident_other_intents_and_negations_are_left_alone():
    assert not possible_crisis("mag een stagiair bij een gezin met mishandeling?", "werktoedeling_vraag", UNSURE)
    assert not possible_crisis("er is geen mishandeling", "nlu_fallback", UNSURE)
    assert not possible_crisis("wat is het weer morgen", "out_of_scope", UNSURE)


def test_the_components_set_the_intent():
    crisis = Message({"text": "de baby wordt verwaarloosd", "intent": {"name": "nlu_fallback"},
                      "intent_ranking": UNSURE})
    long = Message({"text": "a" * (MAX_TEKENS + 1), "intent": {"name": "greet"}})
    CrisisVangnet().process([crisis])
    BerichtLengte().process([long])
    assert crisis.get("intent")["name"] == "crisis"
    assert long.get("intent")["name"] == "te_lang" and long.get("entities") == []


def test_keyboard_mashing_is_nonsense_but_chat_words_are_not():
    from extensions.invoer import onzin

    for text in ("qwxz plof brrrt", "zzkrrr vlop", "asdkjh qwpoeiru zxmcnv"):
        assert onzin(text), text
    for text in ("hmm", "thx!", "hoi", "mag een stagiair notuleren?", "ik heb hbo sph", "😀😀",
                 "angstschreeuw", "herfststorm", "/affirm", "1234567890", "NL91ABNA0417164300",
                 "reset pls", "idk tbh", "thnx", "skj gz ggz pgb", "ok thx bye"):
        assert not onzin(text), text


def test_indirect_disclosures_are_a_crisis():
    """Issue 17: both missed crises were indirect, without a word such as "misbruik"."""
    for text in ("mijn oom doet rare dingen met mijn nichtje als niemand kijkt",
                 "het meisje van de overkant durft niet naar huis",
                 "er loopt een kleuter alleen op straat en ik kan de ouders niet vinden",
                 "mijn buurjongen zegt dat zijn vader hem gaat vermoorden",
                 "een jongen op de groep heeft steeds sneetjes op zijn armen",
                 "ik ben zelf 14 en mijn vader slaat me"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text


def test_look_alikes_are_not_a_crisis_even_when_the_nlu_says_so():
    """Issue 17: a person's own past as motivation, and a question about a course, were false alarms."""
    ranking = [{"name": "crisis", "confidence": 0.7}, {"name": "start_route", "confidence": 0.2}]
    for text in ("ik ben zelf mishandeld als kind en wil daarom in de jeugdzorg werken",
                 "is er een cursus over kindermishandeling signaleren",
                 "ik wil bij veilig thuis werken, welke opleiding heb ik nodig"):
        assert not possible_crisis(text, "out_of_scope", UNSURE), text
        message = Message({"text": text, "intent": {"name": "crisis"}, "intent_ranking": ranking})
        CrisisVangnet().process([message])
        assert message.get("intent")["name"] == "start_route", text
    # ... unless it happens now.
    message = Message({"text": "ik ben als kind mishandeld en nu slaat mijn stiefvader mijn zusje",
                       "intent": {"name": "crisis"}, "intent_ranking": ranking})
    CrisisVangnet().process([message])
    assert message.get("intent")["name"] == "crisis"
