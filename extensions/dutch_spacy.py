"""Dutch spaCy pipeline for Rasa that works with or without `nl_core_news_sm`.

spaCy's trained Dutch model cannot be downloaded on every machine (its wheels live
outside PyPI). Rasa's own `SpacyNLP` then fails. This component uses the model when
it is installed and otherwise builds a pipeline from spaCy's own Dutch language data:
the Dutch tokenizer plus the lookup lemmatizer from `spacy-lookups-data`.

The two pipelines split and lemmatise words differently, so a model trained with one
must not be served with the other. Training records which pipeline was used; loading
refuses a model whose recorded pipeline is not the one available here.
"""
from __future__ import annotations

import functools
import json
import logging
from typing import Any, Dict, Text, Tuple

import spacy
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

TRAINED_MODEL = "nl_core_news_sm"
LOOKUP_PIPELINE = "nl_blank_lookup"
RECORD_FILE = "dutch_spacy.json"


@functools.lru_cache(maxsize=None)
def load_dutch_pipeline() -> Tuple[spacy.language.Language, Text]:
    """Returns the best Dutch spaCy pipeline on this machine and its name.

    Cached, so the several graph nodes that need it share one copy per process.
    """
    if spacy.util.is_package(TRAINED_MODEL):
        # The parser and NER are not used by any component in config.yml.
        return spacy.load(TRAINED_MODEL, exclude=["parser", "ner"]), TRAINED_MODEL
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lemma table from spacy-lookups-data
    return nlp, LOOKUP_PIPELINE


def describe(pipeline_name: Text) -> Text:
    """A sentence for logs and the README: which Dutch pipeline is in use."""
    if pipeline_name == TRAINED_MODEL:
        return f"spaCy model {TRAINED_MODEL} {spacy.info(TRAINED_MODEL)['version']}"
    return "spacy.blank('nl') + lookup lemmatizer from spacy-lookups-data"


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=True,
    model_from="DutchSpacyNLP",
)
class DutchSpacyNLP(SpacyNLP):
    """Provides the Dutch spaCy pipeline and records which one a model was trained on."""

    def __init__(
        self,
        model: SpacyModel,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(model, config)
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchSpacyNLP:
        nlp, name = load_dutch_pipeline()
        logger.info(f"Dutch NLU pipeline: {describe(name)}")
        return cls(
            SpacyModel(model=nlp, model_name=name),
            {**cls.get_default_config(), **config},
            model_storage,
            resource,
        )

    @property
    def pipeline_name(self) -> Text:
        return self._model.model_name

    def train(self, training_data: TrainingData, model: SpacyModel) -> Resource:
        """Nothing to learn; persists the name of the pipeline used for training."""
        logger.info(f"Training with the Dutch NLU pipeline: {describe(model.model_name)}")
        with self._model_storage.write_to(self._resource) as directory:
            record = {"spacy_pipeline": model.model_name, "spacy": spacy.__version__}
            (directory / RECORD_FILE).write_text(json.dumps(record), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DutchSpacyNLP:
        component = cls.create(config, model_storage, resource, execution_context)
        recorded = cls.recorded_pipeline(model_storage, resource)
        if recorded is not None and recorded != component.pipeline_name:
            raise InvalidConfigException(
                f"This model was trained with the Dutch spaCy pipeline '{recorded}', "
                f"but this machine provides '{component.pipeline_name}'. The two split "
                f"and lemmatise words differently. Train again here (make train) or "
                f"install the same pipeline."
            )
        return component

    @staticmethod
    def recorded_pipeline(model_storage: ModelStorage, resource: Resource) -> Text | None:
        """The pipeline a trained model recorded, or None for a node without a record.

        Only the trained node carries a record; the `provide_` node that Rasa also
        builds for model loaders is created fresh and has none.
        """
        try:
            with model_storage.read_from(resource) as directory:
                record = json.loads((directory / RECORD_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            return None
        return record["spacy_pipeline"]
