"""The crisis safety net and the length limit, as NLU components see messages."""
from rasa.shared.nlu.training_data.message import Message

from extensions.invoer import MAX_TEKENS, BerichtLengte, vraagt_opnieuw
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


def test_restart_only_when_the_words_ask_for_it():
    """Rasa runs action_restart for the restart intent before a form reads the message: "gewoon
    nu starten" as an answer wiped the intake (blind scenarios, batch 7, development half)."""
    ranking = [{"name": "restart", "confidence": 0.7}, {"name": "inform", "confidence": 0.2}]
    answer = Message({"text": "gewoon nu starten", "intent": ranking[0], "intent_ranking": ranking})
    asked = Message({"text": "ik wil opnieuw beginnen", "intent": ranking[0], "intent_ranking": ranking})
    button = Message({"text": "/restart", "intent": ranking[0], "intent_ranking": ranking})
    BerichtLengte().process([answer, asked, button])
    assert answer.get("intent")["name"] == "inform"
    assert [r["name"] for r in answer.get("intent_ranking")] == ["inform"]
    assert asked.get("intent")["name"] == "restart" and button.get("intent")["name"] == "restart"
    for text in ("kunnen we het nog een keer doen", "terug naar het begin", "schone lei graag", "wis alles"):
        assert vraagt_opnieuw(text), text
    for text in ("gewoon nu starten", "zo snel mogelijk beginnen", "ja registreren"):
        assert not vraagt_opnieuw(text), text


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


def test_acute_physical_danger_is_a_crisis():
    """Review 9 of issue 16, finding 9: acute physical danger had no safety-net word."""
    for text in ("mijn zoon van 3 is bewusteloos", "de baby ademt niet meer", "hij is niet wakker te krijgen",
                 # review 10 of issue 16, finding 7
                 "mijn oom pleegt incest met mijn nichtje", "mijn broer is neergestoken", "ze staat op het dak en wil springen",
                 # review 11 of issue 16, finding 5
                 "mijn dochter dreigt zich iets aan te doen", "hij wil zich van kant maken", "hij heeft pillen genomen",
                 "ze wil uit het raam springen", "mijn zoon zei dat hij zich iets aandoet",
                 "zelfmoordpoging gedaan gisteren"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text


def test_everyday_pain_and_finishing_a_study_are_no_crisis():
    """Review 11 of issue 16, finding 18: "afmaken", "doet pijn" alone raised the alarm."""
    for text in ("ik wil mijn studie afmaken", "mijn rug doet pijn van het tillen",
                 # a topic, not a disclosure (blind development half)
                 "kan het team ook meedenken bij zaken rond kindermishandeling?",
                 ):
        assert not possible_crisis(text, "out_of_scope", UNSURE), text
    for text in ("hij wil hem afmaken", "mijn vader doet me pijn", "mijn dochter is in gevaar"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text


def test_work_at_veilig_thuis_described_by_an_employer_is_a_look_alike():
    """Blind development half (wg-r-015): the classifier said crisis on the task, twice."""
    from extensions.veiligheid import look_alike
    assert look_alike("telefonische adviesgesprekken bij Veilig Thuis met buren, leerkrachten, huisartsen enz")
    assert not look_alike("ik bel de advieslijn want mijn buurjongen wordt geslagen")


def test_a_weak_second_guess_never_wipes_the_conversation():
    """Blind development half (wg-r-015): after a false crisis the second guess was "wis mijn gegevens"."""
    from extensions.veiligheid import next_intent
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "gegevens_verwijderen", "confidence": 0.1}]
    assert next_intent(ranking)["name"] == "nlu_fallback"
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "start_route", "confidence": 0.1}]
    assert next_intent(ranking)["name"] == "start_route"


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


CRISIS_RANKING = [{"name": "crisis", "confidence": 0.7}, {"name": "start_route", "confidence": 0.2}]


def _after_the_net(text: str, intent: str) -> str:
    ranking = CRISIS_RANKING if intent == "crisis" else [{"name": intent, "confidence": 0.8},
                                                          {"name": "crisis", "confidence": 0.05}]
    message = Message({"text": text, "intent": {"name": intent}, "intent_ranking": ranking})
    CrisisVangnet().process([message])
    return message.get("intent")["name"]


def test_a_look_alike_word_elsewhere_does_not_cancel_a_danger_now():
    """Review 3, finding 6: a look-alike word ("ervaringsdeskundige", "meldcode", "vroeger", a
    course) speaks only for the danger in its own clause; a child in danger named elsewhere, or in
    the present tense, keeps 112 / Veilig Thuis. All of these were taken back before."""
    from extensions.veiligheid import look_alike
    for text in ("Ik ben ervaringsdeskundige. Een jongen uit mijn groep snijdt zichzelf en heeft een "
                 "afscheidsbrief geschreven.",
                 "Een meisje in mijn klas heeft blauwe plekken, hoe werkt de meldcode?",
                 # new phrasings: the danger after "en" with a new subject, after "maar", in
                 # another sentence, or in the present tense in the look-alike's own clause
                 "ik ben ervaringsdeskundige en een meisje uit mijn groep heeft een afscheidsbrief geschreven",
                 "ik heb een cursus over kindermishandeling gedaan en mijn leerling heeft steeds blauwe plekken",
                 "eigen ervaring met depressie, maar mijn dochter van 15 is suicidaal",
                 "als kind ben ik zelf mishandeld. mijn zoontje wil niet meer leven",
                 "training over zelfbeschadiging gevolgd, en een jongen in mijn klas snijdt zichzelf",
                 "ik ben ervaringsdeskundige en mijn pleegdochter is suicidaal"):
        assert not look_alike(text), text
        assert possible_crisis(text, "start_route", UNSURE), text
        assert _after_the_net(text, "crisis") == "crisis", text
        assert _after_the_net(text, "faq") == "crisis", text


def test_a_danger_in_the_look_alikes_own_clause_stays_calm():
    """The writer's past, a course, a thesis or the news, with the danger in the same clause."""
    from extensions.veiligheid import look_alike
    for text in ("in mijn jeugd ben ik mishandeld en verwaarloosd, daarom wil ik de jeugdzorg in",
                 "vroeger werd ik op school gepest en thuis geslagen, nu wil ik andere kinderen helpen",
                 "is er een e-learning over verwaarlozing voor pedagogisch medewerkers",
                 "ik las in de krant over een baby die verwaarloosd was, hoe word ik jeugdbeschermer",
                 "ik ben ervaringsdeskundige: als kind ben ik misbruikt. kan ik me registreren",
                 "als tiener ben ik weggelopen van huis, kan ik met die ervaring ervaringsdeskundige worden",
                 # "scriptie" is a look-alike word now (it was a false alarm before)
                 "ik schrijf mijn scriptie over kinderen die mishandeld zijn, heb ik skj nodig voor mijn stage"):
        assert look_alike(text), text
        assert not possible_crisis(text, "start_route", UNSURE), text
        assert _after_the_net(text, "crisis") == "start_route", text


def test_a_danger_going_on_counts_in_the_werktoedeling_check():
    """Review 3, finding 7: abuse named in the present tense ("wordt mishandeld") is a crisis in
    the werktoedeling check too, not only with a word such as "zag ik"; all failed before."""
    for text in ("Mag onze stagiair alleen naar een gezin waar het kind mishandeld wordt?",
                 "kan onze pm'er een jongen begeleiden die door zijn vader geslagen wordt",
                 "onze stagiaire gaat naar een gezin waar de kinderen verwaarloosd worden, mag dat?",
                 "mag een ambulant hulpverlener zonder skj bij een meisje dat zichzelf snijdt"):
        assert possible_crisis(text, "werktoedeling_vraag", UNSURE), text
        assert _after_the_net(text, "inform") == "crisis", text
    # A danger as the setting of a task, or a "worden" that belongs to another verb, stays calm.
    for text in ("welke taken mogen worden gedaan door een stagiair in een gezin met verwaarlozing",
                 "moet de medewerker die het veiligheidsplan maakt bij mishandeling geregistreerd worden",
                 "mag een vrijwilliger voorlezen op een groep met kinderen die mishandeld zijn",
                 "mag een stagiair die nu in het derde jaar zit een kind begeleiden dat verwaarloosd is"):
        assert not possible_crisis(text, "werktoedeling_vraag", UNSURE), text


def test_a_danger_in_subordinate_word_order_next_to_the_meldcode_is_a_crisis():
    """Review 4 of issue 16, finding 10: "dat haar vader haar slaat" and "blauwe plekken heeft" were
    missed, and "meldcode" in the same sentence took the crisis back."""
    for text in ("Hoe werkt de meldcode als een kind in mijn groep blauwe plekken heeft?",
                 "Een leerling vertelde me dat haar vader haar slaat, wat zegt de meldcode?",
                 "ik denk dat haar vader haar slaat"):
        assert possible_crisis(text, "out_of_scope", []), text
    assert not possible_crisis("ik volg een cursus over de meldcode", "faq", [])


def test_a_danger_in_a_subordinate_clause_counts_in_the_werktoedeling_check():
    """Review 7 of issue 16, finding 4: in a subordinate clause the verb comes last ("een jongen
    die suicidaal is"); the check heard only "is suicidaal". All failed before."""
    for text in ("Mag onze stagiair alleen bij een jongen blijven die nu suïcidaal is?",
                 "mag onze pm'er bij een jongen blijven die suicidaal is",
                 "kan de ondersteuner naar een meisje dat in gevaar is",
                 "mag een stagiaire begeleiden bij een jongere die suicidale gedachten heeft",
                 "mag onze begeleider bij een jongen die dreigt met zelfmoord"):
        assert possible_crisis(text, "werktoedeling_vraag", UNSURE), text
        assert _after_the_net(text, "inform") == "crisis", text
    # The danger as the setting of a task, in the past, stays calm.
    assert not possible_crisis("mag een stagiair een jongere begeleiden die suicidaal was",
                               "werktoedeling_vraag", UNSURE)


def test_exploitation_and_honour_based_violence_are_in_the_net():
    """Review 7 of issue 16, finding 10: these kinds of abuse are often told without "misbruik"
    or "mishandeling"; all failed before. A course about them stays calm."""
    for text in ("mijn dochter van 15 heeft een loverboy", "ik denk dat ze wordt uitgebuit",
                 "een meisje uit mijn klas wordt bedreigd met eerwraak",
                 "mijn nichtje moet deze zomer besneden worden", "hij bedreigde haar met een mes"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text
    assert not possible_crisis("ik volg een training over loverboys", "faq", [])


def test_an_employers_task_question_is_no_crisis_on_an_unsure_ranking_alone():
    """Batch 6, development half: an unsure NLU with crisis second made an ordinary task question
    a crisis. A danger word still makes it one."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.6}, {"name": "crisis", "confidence": 0.44}]
    assert not possible_crisis("mag onze nieuwe collega een meisje van 14 helpen met haar huiswerk en mee naar hockey?",
                               "nlu_fallback", ranking)
    assert possible_crisis("mijn nichtje van 12 is alleen thuis en ik kan haar moeder niet bereiken",
                           "nlu_fallback", ranking)
    assert possible_crisis("de begeleider van mijn zoon slaat hem, mag dat?", "nlu_fallback", ranking)


def test_signals_as_a_professional_topic_are_a_look_alike():
    """Development half of the blind NLU set: talk about signals as a professional was a crisis.
    Signals seen now, or at a child close to the writer, stay one."""
    for text in ("als leraar heb ik vaak signalen van verwaarlozing opgepikt, kan ik nu de jeugdzorg in?",
                 "welke signalen van mishandeling moet een pm'er kennen?"):
        assert not possible_crisis(text, "start_route", []), text
    for text in ("ik zie signalen van mishandeling bij een kind in mijn klas",
                 "mijn buurmeisje vertoont signalen van verwaarlozing"):
        assert possible_crisis(text, "start_route", []), text


def test_ways_of_ending_a_life_are_in_the_net():
    """Development half of the blind NLU set: a threat to hang oneself was missed when the NLU was
    unsure. Failed before."""
    for text in ("een meisje uit mijn groep zegt dat ze zich gaat ophangen",
                 "hij dreigt voor de trein te springen", "ze wil een einde aan haar leven maken"):
        assert possible_crisis(text, "nlu_fallback", []), text


DOMESTIC_VIOLENCE_NOW = (
    "mijn ouders slaan mij", "mijn ouders slaan me als ik te laat thuis ben", "mijn vader slaat ons",
    "hij slaat de kinderen", "de vader die de kinderen slaat", "mijn stiefvader slaat het kind",
    "mijn broer schopt mij", "mijn stiefmoeder schopt me en mijn zusje")


def test_domestic_violence_is_a_crisis_in_any_flow():
    """Review 5 of issue 16, finding 7: domestic violence was missing from the net ("huiselijk
    geweld", "geweld thuis", "gewelddadig", "mijn ouders slaan mij", "slaat de kinderen"). The
    knowledge base: worries about abuse or domestic violence → Veilig Thuis, at once."""
    for text in DOMESTIC_VIOLENCE_NOW + (
            "er is huiselijk geweld bij ons thuis", "bij ons is er geweld thuis, ik ben 13",
            "mijn vader is gewelddadig en ik ben bang", "de buren hebben huiselijk geweld, het kindje huilt steeds",
            "mijn moeder slaat de kinderen, wat doet veilig thuis dan?",
            "wat doet veilig thuis als mijn vader mij slaat", "ik woon in een gezin met huiselijk geweld",
            "welke regels gelden in gezinnen met huiselijk geweld? bij ons thuis is huiselijk geweld"):
        assert possible_crisis(text, "out_of_scope", UNSURE), text
        assert _after_the_net(text, "faq") == "crisis", text
        assert _after_the_net(text, "start_route") == "crisis", text
        assert _after_the_net(text, "crisis") == "crisis", text
    # Hitting and kicking in the present tense are going on now, also in the werktoedeling check.
    for text in DOMESTIC_VIOLENCE_NOW + ("mag onze stagiair naar het gezin van de vader die de kinderen slaat?",):
        assert possible_crisis(text, "werktoedeling_vraag", UNSURE), text
        assert _after_the_net(text, "inform") == "crisis", text


def test_domestic_violence_look_alikes_stay_calm():
    """Review 5 of issue 16, finding 7: the writer's own past, a training, a question about what
    Veilig Thuis does, work at Veilig Thuis and the news name domestic violence without a child in
    danger now; the NLU's next guess stands."""
    from extensions.veiligheid import look_alike
    for text in ("ik heb zelf vroeger huiselijk geweld meegemaakt, daarom wil ik in de jeugdzorg",
                 "ik ben opgegroeid met huiselijk geweld en wil ervaringsdeskundige worden",
                 # "en wil" starts the wish: its "worden" is no danger going on
                 "ik ben als kind mishandeld en wil jeugdzorgwerker worden",
                 "ik volg een training over huiselijk geweld",
                 "is er een cursus over huiselijk geweld voor pedagogisch medewerkers",
                 "wat doet Veilig Thuis bij huiselijk geweld",
                 "hoe werkt veilig thuis bij een melding van huiselijk geweld",
                 "mag een mbo'er bij veilig thuis werken",
                 "in het nieuws was een item over huiselijk geweld, hoe word ik jeugdzorgwerker",
                 "documentaire over huiselijk geweld gezien, nu wil ik bij veilig thuis gaan werken",
                 # a category of families or a topic in a question about rules
                 "welke regels gelden voor jongeren uit gezinnen met huiselijk geweld?",
                 "wie is er verantwoordelijk bij huiselijk geweld, de gemeente of de jeugdzorg?"):
        assert look_alike(text), text
        for intent in ("out_of_scope", "faq", "start_route"):
            assert not possible_crisis(text, intent, UNSURE), (text, intent)
        assert _after_the_net(text, "crisis") == "start_route", text
    # ... but a danger in the wish's clause keeps the crisis.
    assert _after_the_net("hij is vroeger mishandeld en wil niet meer leven", "crisis") == "crisis"
    # An employer describing a case in the werktoedeling check names the setting of a task.
    for text in ("het gezin heeft te maken gehad met huiselijk geweld, mag onze pm'er daar begeleiden?",
                 "mag een stagiair bij een gezin met huiselijk geweld?",
                 "mag een zzp'er zonder skj een jongere begeleiden uit een gezin met geweld thuis",
                 "mag onze ambulant medewerker alleen naar een gezin waar de vader gewelddadig is"):
        assert not possible_crisis(text, "werktoedeling_vraag", UNSURE), text
        assert _after_the_net(text, "inform") == "inform", text


def test_life_threatening_words_of_the_check_are_in_the_net():
    """Review 6 of issue 16: the check knows these as an indicator; outside it they are a crisis."""
    for text in ("mijn dochter heeft doodsgedachten", "mijn zoon heeft suicidale gedachten",
                 "het kind is in levensgevaar", "mijn vriendin doet aan automutilatie"):
        assert possible_crisis(text, "out_of_scope", []), text  # by the words alone
    assert not possible_crisis("ik volg een training over suicidepreventie", "faq", [])


def test_a_real_child_close_to_the_writer_outweighs_a_look_alike_word():
    """Review 7 of issue 16, finding 5: "bij huiselijk geweld" and "meldcode" made these calm."""
    for text in ("Waar kan ik terecht bij huiselijk geweld in ons gezin?",
                 "Hoe werkt de meldcode bij mishandeling van mijn buurmeisje?"):
        assert possible_crisis(text, "faq", []), text
    assert not possible_crisis("wie is verantwoordelijk bij huiselijk geweld", "faq", [])


def test_review_8_crisis_phrasings_recent_past_and_a_known_child():
    """Review 8 of issue 16, findings 4, 5 and 6; all failed before."""
    for text in ("ik ben bang voor mijn vader", "papa slaat mama", "het is thuis niet veilig", "ik snij mezelf",
                 "hij kneep mijn keel dicht", "de kinderen krijgen al dagen geen eten"):
        assert possible_crisis(text, "nlu_fallback", []), text
    assert possible_crisis("Welke stappen uit de meldcode zet ik bij een leerling met blauwe plekken?", "faq", [])
    for text in ("mag onze stagiair bij een jongere blijven die vanochtend dreigde zichzelf op te hangen?",
                 "mag de pm'er mee naar een meisje dat gisteren een overdosis heeft genomen"):
        assert possible_crisis(text, "werktoedeling_vraag", UNSURE), text
    # a course, and a danger only as the setting of a task, stay calm
    assert not possible_crisis("ik volg een training over de meldcode en signalen van mishandeling", "faq", [])
    assert not possible_crisis("mag een stagiair naar een gezin met huiselijk geweld?", "werktoedeling_vraag", UNSURE)
