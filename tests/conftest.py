"""Shared fixtures. `assistant` runs the real Rasa and action servers for e2e tests."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from devtools.stack import MODEL, Stack, free_port


@dataclass
class Assistant:
    stack: Stack
    tracker_db: Path
    case_db_url: str
    start_seconds: float

    @property
    def url(self) -> str:
        return self.stack.rasa_url

    def say(self, sender: str, text: str) -> list[dict]:
        """Sends one message through the REST channel and returns the bot's messages."""
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def pending(self, sender: str) -> str | None:
        """The question an open form waits for (Rasa's requested_slot, via the tracker API)."""
        response = requests.get(f"{self.url}/conversations/{sender}/tracker",
                                params={"token": self.stack.token}, timeout=30)
        response.raise_for_status()
        return response.json()["slots"].get("requested_slot")

    def answer(self, sender: str, messages: list[dict], answers: dict[str, str],
               limit: int = 12) -> list[dict]:
        """Answers each question the form asks from `answers` (slot name: text) until no
        form waits, and returns the last reply. The summary ("Klopt dit?") is confirmed
        unless `answers` says otherwise; a question without an answer fails the test."""
        answers = {"wt_bevestigd": "/affirm", "rt_bevestigd": "/affirm", **answers}
        for _ in range(limit):
            slot = self.pending(sender)
            if slot is None:
                return messages
            assert slot in answers, f"unexpected question {slot}: {texts(messages)}"
            messages = self.say(sender, answers[slot])
        raise AssertionError(f"the form still asks after {limit} answers")


@pytest.fixture(scope="session")
def assistant(tmp_path_factory) -> Assistant:
    assert MODEL.exists(), "No trained model: run `make train` (make test does this)."
    state = tmp_path_factory.mktemp("assistant")
    tracker_db = state / "tracker.db"
    case_db_url = f"sqlite:///{state / 'cases.db'}"
    stack = Stack(
        rasa_port=free_port(),
        action_port=free_port(),
        demo_port=free_port(),  # the widget tests serve the demo page here (CORS allows it)
        log_dir=state / "logs",
        env={
            "TRACKER_STORE_URL": f"sqlite:///{tracker_db}",
            "DATABASE_URL": case_db_url,
            "OUTBOX_DIR": str(state / "outbox"),
        },
    )
    try:
        seconds = stack.start()
        yield Assistant(stack, tracker_db, case_db_url, seconds)
    finally:
        stack.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def payloads(messages: list[dict]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons", [])]


@pytest.fixture
def store(tmp_path):
    """A migrated SQLite case store of its own (the worker and notification tests)."""
    from bot.zaken.opslag import CaseStore

    store = CaseStore(f"sqlite:///{tmp_path / 'cases.db'}")
    store.migrate()
    yield store
    store.engine.dispose()
