"""Last NLU step: a message over the length limit gets the intent `te_lang`.

A reply of "please write it shorter" is more honest than a guess from 100 KB of text;
the tracker store keeps at most the first MAX_TEKENS characters of any message.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

MAX_TEKENS = 2000
TE_LANG = "te_lang"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class BerichtLengte(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "BerichtLengte":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if len(message.get("text") or "") > MAX_TEKENS:
                message.set("intent", {"name": TE_LANG, "confidence": 1.0}, add_to_output=True)
                message.set("intent_ranking", [{"name": TE_LANG, "confidence": 1.0}], add_to_output=True)
                message.set("entities", [], add_to_output=True)
        return messages
