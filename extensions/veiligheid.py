"""Safety net after the NLU: a possible crisis about a child gets the crisis intent.

When the classifier is unsure (nlu_fallback) or calls the message out of scope, but the
message names danger to a child (bot/kennis/crisis.yml) or crisis is high in the ranking,
the intent becomes `crisis`: the user sees 112 and Veilig Thuis at once. Confident
predictions of other intents are left alone.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.herkenning import find_all
from bot.loader import load

UNSURE = {"nlu_fallback", "out_of_scope"}
MIN_RANKING = 0.15  # crisis this high in the ranking is enough, even without a signal word


@functools.lru_cache(maxsize=1)
def _signals() -> dict[str, list[str]]:
    return {"crisis": load("crisis")["signalen"]}


def possible_crisis(text: str, intent: str, ranking: List[Dict[str, Any]]) -> bool:
    if intent not in UNSURE:
        return False
    crisis_score = next((r["confidence"] for r in ranking if r["name"] == "crisis"), 0.0)
    return crisis_score >= MIN_RANKING or any(not m.negated for m in find_all(text, _signals()))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisVangnet(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisVangnet":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            if possible_crisis(message.get("text") or "", intent, message.get("intent_ranking") or []):
                message.set("intent", {"name": "crisis", "confidence": 1.0}, add_to_output=True)
        return messages
