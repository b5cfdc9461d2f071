"""Last NLU step: checks on the message itself, after the classifiers.

- Over MAX_TEKENS characters: intent `te_lang`. "Please write it shorter" is more honest
  than a guess from 100 KB of text; the tracker store keeps only the first MAX_TEKENS.
- Keyboard mashing ("qwxz plof brrrt"): `nlu_fallback`. The character n-grams that make
  the classifier robust to typos also let it read a short greeting into nonsense; a
  message whose words mostly cannot be pronounced (no vowel, or fewer than one letter in
  six a vowel) gets "kun je het anders zeggen?" instead. Words of one to three letters
  never count: those are chat abbreviations ("pls", "idk", "tbh", "thx"), not mashing.
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
        return messages
