"""The route intake through the real servers (REST channel)."""
from tests.conftest import payloads, texts


def advice(messages):
    return next(m["custom"] for m in messages if m.get("custom", {}).get("type") == "route_advies")


def test_free_text_example_asks_only_what_it_did_not_say(assistant, sender):
    first = assistant.say(
        sender, "ik ben 45, heb hbo bedrijfskunde en werk 15 jaar bij de politie, kan ik de jeugdzorg in?"
    )
    assert "Sta je nu in het Kwaliteitsregister Jeugd (SKJ)?" in texts(first)
    assert "Wat wil je het liefst?" in texts(assistant.say(sender, "nee, nooit"))
    summary = texts(assistant.say(sender, '/inform{"ambitie": "registratie"}'))
    assert "Opleiding: hbo in een andere richting" in summary and "15 jaar, politie" in summary
    final = assistant.say(sender, "klopt")
    result = advice(final)
    assert result["fase"] == "op_weg_naar_bevoegd"
    assert [r["id"] for r in result["routes"]] == ["zij_instroom_baan", "evc_na_werkervaring", "deeltijd_duaal_opleiding"]
    assert result["stappen"] and result["functies"] and result["bronnen"]
    assert texts(final).startswith("Jouw fase: Op weg naar bevoegd.")
    assert "Wat kun je deze week doen?" in texts(final)


def test_step_by_step_with_buttons_and_a_correction_at_the_summary(assistant, sender):
    assistant.say(sender, "/start_route")
    assistant.say(sender, '/inform{"registratie": "geen"}')
    assistant.say(sender, '/inform{"ambitie": "registratie"}')
    assert "afgerond" in texts(assistant.say(sender, "ik heb social work profiel jeugd"))
    assert "diploma gehaald" in texts(assistant.say(sender, "/affirm"))
    assert "Werk je nu in de jeugdhulp" in texts(assistant.say(sender, "/affirm"))
    summary = texts(assistant.say(sender, "/deny"))
    assert "hbo Social Work, profiel Jeugd, afgerond" in summary
    # correct the diploma at the summary: SPH, not profile Jeugd; the rest is kept
    profile = texts(assistant.say(sender, "nee, het was SPH"))
    assert "welk profiel" in profile  # SPH with or without uitstroomprofiel jeugdzorgwerker differ (issue 16)
    corrected = texts(assistant.say(sender, "zonder uitstroomprofiel"))
    assert "Opleiding: hbo Sociaal Pedagogische Hulpverlening (SPH)" in corrected
    result = advice(assistant.say(sender, "ja"))
    assert [r["id"] for r in result["routes"]] == ["aanvullende_scholing_45ec"]


def test_foreign_diploma_is_handed_to_the_deskundigenteam(assistant, sender):
    assistant.say(sender, "ik heb een diploma uit het buitenland en wil in de jeugdzorg werken")
    assistant.say(sender, '/inform{"registratie": "geen"}')
    assistant.say(sender, '/inform{"ambitie": "registratie"}')
    final = assistant.say(sender, "/affirm")
    result = advice(final)
    assert result["deskundigenteam"] is True
    assert "/mens_spreken" in payloads(final)


def test_change_after_the_advice_and_costs(assistant, sender):
    assistant.say(sender, "ik ben mbo'er en wil meteen aan de slag in de jeugdzorg")
    assistant.say(sender, '/inform{"registratie": "geen"}')
    assert advice(assistant.say(sender, "/affirm"))["fase"] == "bekwaam"
    assert "Duur:" in texts(assistant.say(sender, "/kosten_duur"))
    assert "Dit heb ik begrepen:" in texts(assistant.say(sender, "/route_aanpassen"))
