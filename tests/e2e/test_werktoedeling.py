"""The werktoedeling check through the real servers (REST channel)."""
from tests.conftest import payloads, texts


def advice(messages):
    return next(m["custom"] for m in messages if m.get("custom", {}).get("type") == "werktoedeling_advies")


def test_free_text_example_asks_only_what_is_missing(assistant, sender):
    first = assistant.say(
        sender, "Mag een mbo-thuisbegeleider alleen bij een gezin waar huiselijk geweld speelt?"
    )
    assert texts(first) == "Waar werkt de medewerker?"  # task, worker and indicator were understood
    registered = assistant.say(sender, '/inform{"werkveld": "jeugdhulp"}')
    assert "Staat de medewerker zelf in het Kwaliteitsregister" in texts(registered)  # asked, never inferred
    second = assistant.say(sender, "/deny")
    assert "bijzondere reden" in texts(second)
    summary = texts(assistant.say(sender, "nee"))
    assert summary.startswith("Dit heb ik begrepen:") and "Klopt dit?" in summary
    assert "een onveilige omgeving" in summary  # the signal it read, shown before it advises
    final = assistant.say(sender, "ja klopt")
    result = advice(final)
    assert result["verdict"] == "geregistreerd_vereist"
    assert [i["id"] for i in result["indicatoren"]] == ["onveilig_of_risicovol"]
    assert result["indicatoren"][0]["signalen"] == ["een onveilige omgeving"]
    assert result["bronnen"] and all(b["titel"] and b["jaar"] for b in result["bronnen"])
    answer = texts(final)
    assert answer.startswith("Voor deze taak is een geregistreerde professional nodig.")
    assert answer.index("Waarom:") < answer.index("Voorwaarden:") < answer.index("Bronnen:")
    assert payloads(final) == ["/waarom", "/nog_een_taak", "/mens_spreken"]


def test_button_start_then_weet_ik_niet_counts_as_applying(assistant, sender):
    start = assistant.say(sender, "/start_werktoedeling")
    assert "Om welke taak gaat het?" in texts(start)
    assert texts(assistant.say(sender, "begeleiding in het gezin")) == "Waar werkt de medewerker?"
    assert "Wie zou de taak doen?" in texts(assistant.say(sender, '/inform{"werkveld": "jeugdhulp"}'))
    assert "onveilige" in texts(assistant.say(sender, '/inform{"medewerker": "niet_geregistreerd"}'))
    question = assistant.say(sender, "/weet_niet")
    assert "bijzondere reden" in texts(question)  # "weet ik niet" settled the indicators
    assistant.say(sender, "nee")
    final = assistant.say(sender, "/affirm")
    result = advice(final)
    assert result["verdict"] == "geregistreerd_vereist"
    assert result["onzeker"] is True
    assert "Je wist niet zeker" in texts(final)


def test_no_at_the_summary_asks_what_to_change_and_keeps_the_rest(assistant, sender):
    assistant.say(sender, "mag onze teamondersteuner rapportages uitwerken bij de jeugdbescherming?")
    assistant.say(sender, "nee, niet geregistreerd")
    question = assistant.say(sender, "nee")
    assert "Wat klopt er niet?" in texts(question)
    assert '/inform{"wijzig": "medewerker"}' in payloads(question)
    assert "Wie zou de taak doen?" in texts(assistant.say(sender, '/inform{"wijzig": "medewerker"}'))
    summary = texts(assistant.say(sender, '/inform{"medewerker": "student"}'))
    assert "rapportages" in summary and "Klopt dit?" in summary  # the task was kept


def test_correction_changes_the_advice_without_starting_over(assistant, sender):
    assistant.say(sender, "Mag een teamondersteuner bij de GI een gezin in crisis begeleiden?")
    assistant.say(sender, "/deny")  # not registered
    assistant.say(sender, "nee")
    assert advice(assistant.say(sender, "klopt"))["verdict"] == "geregistreerd_vereist"
    corrected = assistant.say(sender, "het gaat toch om een stagiair")
    assert "opleiding" in texts(corrected)  # a trainee: the rule for workers in training asks more
    final = assistant.answer(sender, corrected, {"wt_opleiding": "ja", "wt_verantwoordelijke": "ja"})
    assert advice(final)["verdict"] == "onder_verantwoordelijkheid"


def test_waarom_explains_the_norm_and_names_the_sources(assistant, sender):
    assistant.say(sender, "mag onze teamondersteuner rapportages uitwerken bij de jeugdbescherming?")
    assistant.say(sender, "/deny")  # not registered
    assistant.say(sender, "/affirm")
    why = texts(assistant.say(sender, "/waarom"))
    assert "drie delen" in why and "Waar staat dit?" in why


def test_unknown_task_gets_category_buttons_and_free_text_still_works(assistant, sender):
    assistant.say(sender, "/start_werktoedeling")
    reply = assistant.say(sender, "de koffie zetten voor het team")
    assert texts(reply) == "Die taak ken ik niet precies. Op welke soort taak lijkt het het meest?"
    assert '/inform{"taaksoort": "administratief"}' in payloads(reply)
    assert "Waar werkt de medewerker?" in texts(assistant.say(sender, '/inform{"taaksoort": "administratief"}'))


def test_crisis_during_the_check_is_answered_and_the_check_goes_on(assistant, sender):
    assistant.say(sender, "/start_werktoedeling")
    reply = assistant.say(sender, "ik hoor nu dat de buurman zijn kind slaat")
    assert "112" in texts(reply) and "0800-2000" in texts(reply)
    assert "Om welke taak gaat het?" in texts(reply)


def test_an_employer_question_with_a_crisis_in_it_gets_the_crisis_message_and_then_its_check(assistant, sender):
    """Issue 17: the crisis message first; the question in the same message is not lost."""
    reply = assistant.say(sender, "Onze zzp'er wil een gezin begeleiden waar de ouders verslaafd zijn en de "
                                  "kinderen verwaarloosd worden. Ze is niet geregistreerd. Kan dat?")
    crisis = next(i for i, m in enumerate(reply) if (m.get("custom") or {}).get("type") == "crisis")
    assert "112" in reply[0].get("text", "") and crisis <= 1  # the crisis message first
    after = texts(reply[crisis + 1:])
    assert after.rstrip().endswith("?") and "bijzondere reden" in after, after  # the check's next question


def test_a_question_the_sources_leave_open_goes_to_the_deskundigenteam(assistant, sender):
    assistant.say(sender, "mag de ondersteuner het plan ondertekenen namens de jeugdbeschermer?")
    reply = assistant.say(sender, "/affirm")
    result = advice(reply)
    assert result["verdict"] == "deskundigenteam"
    assert "/mens_spreken" in payloads(reply)
