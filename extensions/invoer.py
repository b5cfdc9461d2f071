"""Last NLU step: checks on the message itself, after the classifiers.

- Over MAX_TEKENS characters: intent `te_lang`. "Please write it shorter" is more honest
  than a guess from 100 KB of text; the tracker store keeps only the first MAX_TEKENS.
- Keyboard mashing ("qwxz plof brrrt"): `nlu_fallback`. The character n-grams that make
  the classifier robust to typos also let it read a short greeting into nonsense; a
  message whose words mostly cannot be pronounced (no vowel, or fewer than one letter in
  six a vowel) gets "kun je het anders zeggen?" instead. Words of one to three letters
  never count: those are chat abbreviations ("pls", "idk", "tbh", "thx"), not mashing.
- `restart` only with a word that asks for it ("opnieuw", "reset", "vanaf het begin"). Rasa
  runs action_restart for that intent before any form can read the message, so "gewoon nu
  starten" as an answer to "wat wil je het liefst?" wiped the intake (blind scenarios, batch 7).
  Without such a word the next intent in the ranking counts.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

MAX_TEKENS = 2000
TE_LANG = "te_lang"
# Chat words of four letters or more without a vowel that people do type.
ZONDER_KLINKER = {"hmmm", "thnx", "pfff", "psst", "grrr", "brrr", "mmmm"}
KORT = 3  # words this short are abbreviations, never mashing
KLINKER = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]")
RESTART = "restart"
VRAAGT_OPNIEUW = re.compile(
    r"\b(opnieuw\w*|overnieuw|over nieuw|overdoen|over doen|reset\w*|herstart\w*|restart|reboot|begin|"
    r"beginscherm|nieuw\w* (gesprek|chat|sessie)|vo\w* af aan|vooraan|start over|start again|begin again|"
    r"terug naar|(hoofd)?menu|vergeet alles|vergeet wat|frisse start|nieuwe start|schone lei|vraag 1|vanaf nul|"
    r"from scratch|from the start|nog een keer|nog eens|wis\w*|gewist|leeg\w*|clear|alles weg|"
    r"(weer|helemaal|gewoon) (\w+ )?begin\w*|begin\w* (we|weer|opnieuw|overnieuw))\b")


def onzin(text: str) -> bool:
    """True when most words (of two letters or more) cannot be pronounced."""
    woorden = re.findall(r"[^\W\d_]{2,}", text.lower())
    if not woorden or text.startswith("/"):
        return False
    vreemd = [w for w in woorden if len(w) > KORT and w not in ZONDER_KLINKER
              and len(KLINKER.findall(w)) < max(1, 0.17 * len(w))]
    return len(vreemd) * 2 >= len(woorden)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class BerichtLengte(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "BerichtLengte":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get("text") or ""
            if len(text) > MAX_TEKENS:
                message.set("intent", {"name": TE_LANG, "confidence": 1.0}, add_to_output=True)
                message.set("intent_ranking", [{"name": TE_LANG, "confidence": 1.0}], add_to_output=True)
                message.set("entities", [], add_to_output=True)
            elif onzin(text) and (message.get("intent") or {}).get("name") != "crisis":
                message.set("intent", {"name": "nlu_fallback", "confidence": 1.0}, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == RESTART and not vraagt_opnieuw(text):
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != RESTART]
                message.set("intent", ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0},
                            add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
        return messages


def vraagt_opnieuw(text: str) -> bool:
    """Whether a message asks to start over in words (a button payload "/restart" does)."""
    return text.startswith("/") or bool(VRAAGT_OPNIEUW.search(text.lower()))
