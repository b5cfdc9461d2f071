"""Who is asking: an employer about a worker, a person about themselves, or unclear (then ask)."""
import pytest

from bot.lezer.doelgroep import WERKGEVER, ZELF, choose_flow, explicit


@pytest.mark.parametrize("text,who", [
    ("als werkgever", WERKGEVER),
    ("ik ben teamleider van een woongroep", WERKGEVER),
    ("voor mezelf", ZELF),
    ("ik ben haar praktijkbegeleider en teamcoordinator op de groep", WERKGEVER),  # batch 3
    ("ik ben zij-instromer", ZELF),
    ("het gaat over onze stagiaire", WERKGEVER),
    ("goedemorgen, vraag over een zzp'er die gebarentaal beheerst", WERKGEVER),
    ("mag een stagiaire notuleren?", None),
    # a job someone had is not who is asking (issue 15, development half of batch 3)
    ("na 20 jaar als manager bij een bank wil ik iets betekenen voor jongeren", None),
    ("ik werkte als teamleider in de horeca, wil nu de jeugdzorg in", None),
    # a parent who pays someone from the child's pgb deploys that person (issue 15, development half)
    ("ik heb een pgb voor mijn zoon, ik wil zijn tante betalen uit het pgb", WERKGEVER),
    # "niet voor mezelf" is no "voor mezelf" (batch 9, development half: sent to the intake)
    ("nee niet voor mezelf, ik ben haar werkbegeleider in ons ambulante team", WERKGEVER),
    ("niet voor mij maar voor een collega", WERKGEVER),
    ("nee, voor mezelf", ZELF),
])
def test_an_explicit_statement_settles_who_is_asking(text, who):
    assert explicit(text) == who


@pytest.mark.parametrize("text,intent,employer_facts,own_facts,flow", [
    ("mag onze stagiaire notuleren?", "werktoedeling_vraag", True, False, "werktoedeling"),
    ("ik heb hbo pedagogiek, waar begin ik?", "start_route", False, True, "route"),
    ("vraagje over onze zij-instromer en haar registratie", "start_route", False, True, "werktoedeling"),
    ("kan een zij-instromer zich registreren?", "start_route", False, True, "doelgroep"),
    ("hoi", "greet", False, False, None),
    # a vague opening about someone, not understood by the classifier: ask who is asking (batch 3)
    ("hoi vraagje over een stagaire", None, False, False, "doelgroep"),
    ("hoi! vraag over een zzp PMT'er :)", None, False, False, "doelgroep"),
    # an employer's words next to an "ik wil": ask, never the personal intake (batch 3)
    ("mijn nieuwe collega is net afgestudeerd en nog niet geregistreerd. ik wil haar een eigen caseload geven",
     "start_route", True, True, "doelgroep"),
    ("", "start_werktoedeling", False, False, "werktoedeling"),
    # someone hired and "wil ik haar ... laten uitwerken": never the intake (batch 9, development half)
    ("Ik heb een herintreder aangenomen. Ze was SKJ geregistreerd maar dat is verlopen. Voorlopig wil ik haar "
     "rapportages laten uitwerken. Kan dat zonder registratie?", "start_route", False, True, "doelgroep"),
    ("ik ben aangenomen als jeugdzorgwerker maar heb geen skj, wat nu?", "start_route", False, True, "route"),
    ("ik heb een pgb voor mijn zoon. ik wil zijn tante betalen uit het pgb. moet zij skj hebben?",
     "start_route", True, True, "werktoedeling"),
    # "ik heb een zzp'er die ..." has someone working for them; "ik heb een diploma" does not (batch 7)
    ("ik heb een zzp'er die vraagt of ze zonder skj bij een gezin mag blijven helpen. ze is mbo'er. mag dat?",
     "start_route", True, True, "doelgroep"),
    ("ik heb een hbo diploma sph en wil de jeugdzorg in", "start_route", False, True, "route"),
])
def test_the_flow_follows_the_words_intent_and_facts(text, intent, employer_facts, own_facts, flow):
    assert choose_flow(text, intent, employer_facts, own_facts) == flow
