"""The Dutch spaCy component: which pipeline, what it records, what it refuses."""
import json
import tarfile
from pathlib import Path

import pytest
import spacy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.training_data.training_data import TrainingData

from extensions import dutch_spacy
from extensions.dutch_spacy import (
    LOOKUP_PIPELINE,
    RECORD_FILE,
    TRAINED_MODEL,
    DutchSpacyNLP,
    load_dutch_pipeline,
)

HAS_MODEL = spacy.util.is_package(TRAINED_MODEL)
MODEL_FILE = Path(__file__).parent.parent / "models" / "wegwijzer.tar.gz"


def make_component(tmp_path, name="train_DutchSpacyNLP0"):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    resource = Resource(name)
    return DutchSpacyNLP.create({}, storage, resource, context), storage, resource, context


@pytest.mark.skipif(HAS_MODEL, reason=f"{TRAINED_MODEL} is installed; the lookup path is not used")
def test_without_the_model_the_lookup_pipeline_is_used():
    nlp, name = load_dutch_pipeline()
    assert name == LOOKUP_PIPELINE
    assert nlp.lang == "nl"
    lemmas = {t.text: t.lemma_ for t in nlp("Ik heb gewerkt en opleidingen gevolgd, hij begeleidt")}
    assert lemmas["gewerkt"] == "werken"
    assert lemmas["opleidingen"] == "opleiding"
    assert lemmas["begeleidt"] == "begeleiden"


@pytest.mark.skipif(not HAS_MODEL, reason=f"{TRAINED_MODEL} is not installed on this machine")
def test_with_the_model_installed_it_is_preferred():
    nlp, name = load_dutch_pipeline()
    assert name == TRAINED_MODEL
    assert "parser" not in nlp.pipe_names


def test_dutch_tokenizer_splits_on_dutch_rules():
    nlp, _ = load_dutch_pipeline()
    assert [t.text for t in nlp("Mag m'n teamondersteuner dit doen?")][-1] == "?"


def test_training_records_the_pipeline(tmp_path):
    component, storage, resource, _ = make_component(tmp_path)
    component.train(TrainingData(), component.provide())
    assert DutchSpacyNLP.recorded_pipeline(storage, resource) == component.pipeline_name


def test_loading_with_the_same_pipeline_works(tmp_path):
    component, storage, resource, context = make_component(tmp_path)
    component.train(TrainingData(), component.provide())
    loaded = DutchSpacyNLP.load({}, storage, resource, context)
    assert loaded.pipeline_name == component.pipeline_name


def test_loading_a_model_trained_with_the_other_pipeline_is_refused(tmp_path):
    component, storage, resource, context = make_component(tmp_path)
    other = LOOKUP_PIPELINE if component.pipeline_name == TRAINED_MODEL else TRAINED_MODEL
    with storage.write_to(resource) as directory:
        (directory / RECORD_FILE).write_text(json.dumps({"spacy_pipeline": other}))
    with pytest.raises(InvalidConfigException, match="Train again"):
        DutchSpacyNLP.load({}, storage, resource, context)


def test_a_provider_node_without_record_loads(tmp_path):
    _, storage, _, context = make_component(tmp_path)
    loaded = DutchSpacyNLP.load({}, storage, Resource("provide_DutchSpacyNLP0"), context)
    assert loaded.pipeline_name in (LOOKUP_PIPELINE, TRAINED_MODEL)


def test_the_trained_model_says_which_pipeline_it_used():
    assert MODEL_FILE.exists(), "train first: make train"
    with tarfile.open(MODEL_FILE) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(RECORD_FILE))
        record = json.load(archive.extractfile(member))
    assert record["spacy_pipeline"] == load_dutch_pipeline()[1]
    assert record["spacy"] == spacy.__version__


def test_describe_names_the_lookup_data():
    assert "spacy-lookups-data" in dutch_spacy.describe(LOOKUP_PIPELINE)
