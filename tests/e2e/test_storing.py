"""Issue 18, point 6: a dependency that is down or slow is never silent and loses nothing.

A real Rasa instance with the Redis lock store on a Redis of its own (started here on a free
port, so it can be killed or paused without touching anything else) and a real action server.
The faults are real: Redis killed (SIGKILL) or hanging (SIGSTOP), the action server killed
(SIGKILL) or hanging (SIGSTOP). Over REST and over socket.io (the widget's channel), the person
gets a clear message in the same turn, well within nginx's 60 s; after recovery the same message
sent again gets its real answer, and the tracker holds every message exactly once.
"""
from __future__ import annotations

import os
import shutil
import signal
import time
import uuid

import pytest
import requests

from devtools.stack import MODEL, Service, Stack, free_port
from tests.helpers import Widget, reachable

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
WERKTOEDELING = "Mag een mbo-thuisbegeleider alleen bij een gezin waar huiselijk geweld speelt?"
FAQ = "wat kost een skj registratie"

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")]


def is_notice(messages: list[dict]) -> bool:
    """The clear message: it says the message did not arrive and asks to send it again."""
    text = " ".join(m.get("text") or "" for m in messages).lower()
    return "niet aangekomen" in text and "opnieuw" in text


def is_answer(messages: list[dict]) -> bool:
    return any(m.get("text") or m.get("custom") for m in messages) and not is_notice(messages)


class Storing:
    def __init__(self, stack: Stack, redis_port: int) -> None:
        self.stack, self.redis_port = stack, redis_port
        self.redis: Service | None = None
        self.actions: Service | None = None

    # --- the dependencies -------------------------------------------------------------------
    def start_redis(self) -> None:
        self.redis = Service("redis", [REDIS_SERVER, "--port", str(self.redis_port), "--bind", "127.0.0.1",
                                       "--save", "", "--appendonly", "no"], None)
        self.stack.start(self.redis)
        deadline = time.monotonic() + 10
        while not reachable(self.redis_port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def start_actions(self) -> None:
        self.actions = self.stack.action_service()
        self.stack.start(self.actions, timeout=120)

    def kill(self, service: Service) -> None:
        os.killpg(service.process.pid, signal.SIGKILL)
        service.process.wait()
        self.stack.services.remove(service)  # Stack.start checks that every service still runs

    # --- the person -------------------------------------------------------------------------
    def say(self, sender: str, text: str) -> tuple[list[dict], float]:
        started = time.monotonic()
        response = requests.post(f"{self.stack.rasa_url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=90)
        response.raise_for_status()
        return response.json(), time.monotonic() - started

    def user_texts(self, sender: str) -> list[str]:
        response = requests.get(f"{self.stack.rasa_url}/conversations/{sender}/tracker",
                                params={"token": self.stack.token}, timeout=30)
        response.raise_for_status()
        return [e.get("text") for e in response.json()["events"] if e["event"] == "user"]


@pytest.fixture(scope="module")
def storing(tmp_path_factory):
    assert os.path.exists(REDIS_SERVER), "redis-server is missing (apt-get install redis-server)"
    state = tmp_path_factory.mktemp("storing")
    redis_port = free_port()
    stack = Stack(rasa_port=free_port(), action_port=free_port(), demo_port=free_port(),
                  log_dir=state / "logs", env={
                      "TRACKER_STORE_URL": f"sqlite:///{state / 'tracker.db'}",
                      "DATABASE_URL": f"sqlite:///{state / 'cases.db'}", "OUTBOX_DIR": str(state / "outbox"),
                      "LOCK_STORE_TYPE": "redis", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis_port),
                      "REDIS_DB": "0", "REDIS_PASSWORD": ""})
    world = Storing(stack, redis_port)
    try:
        world.start_redis()
        world.start_actions()
        stack.start(stack.rasa_service(), timeout=300)
        yield world
    finally:
        for service in stack.services:  # a stopped (SIGSTOP) process would not end on SIGTERM
            if service.process and service.process.poll() is None:
                os.killpg(service.process.pid, signal.SIGCONT)
        stack.stop()


def test_rest_with_redis_killed_says_so_and_the_retry_is_stored_once(storing):
    sender = f"storing-{uuid.uuid4().hex[:8]}"
    assert is_answer(storing.say(sender, "hallo")[0])
    storing.kill(storing.redis)
    try:
        reply, seconds = storing.say(sender, FAQ)
        assert is_notice(reply), reply
        assert seconds < 40, seconds  # in the same turn, well before nginx gives up (60 s)
    finally:
        storing.start_redis()
    reply, _ = storing.say(sender, FAQ)
    assert is_answer(reply), reply
    assert storing.user_texts(sender) == ["hallo", FAQ]


def test_socketio_with_redis_hanging_says_so_within_seconds_and_the_retry_is_stored_once(storing):
    """SIGSTOP: Redis accepts connections and answers nothing (a Redis that hangs). Rasa's
    client waited 10 s per command, blocking the whole instance, and then said nothing."""
    sender = f"storing-{uuid.uuid4().hex[:8]}"
    widget = Widget(storing.stack.rasa_url, sender)
    try:
        assert is_answer(widget.say("hallo", wait=30)[0])
        os.kill(storing.redis.process.pid, signal.SIGSTOP)
        try:
            reply, seconds = widget.say(FAQ, wait=30)
        finally:
            os.kill(storing.redis.process.pid, signal.SIGCONT)
        assert is_notice(reply), reply
        assert seconds < 20, seconds  # not Rasa's 10 s per Redis command, several times over
        reply, _ = widget.say(FAQ, wait=30)
        assert is_answer(reply), reply
    finally:
        widget.close()
    assert storing.user_texts(sender) == ["hallo", FAQ]


def test_rest_with_the_action_server_killed_says_so_and_the_retry_is_stored_once(storing):
    sender = f"storing-{uuid.uuid4().hex[:8]}"
    storing.kill(storing.actions)
    try:
        reply, seconds = storing.say(sender, WERKTOEDELING)
        assert is_notice(reply), reply
        assert seconds < 40, seconds  # in the same turn, well before nginx gives up (60 s)
    finally:
        storing.start_actions()
    reply, _ = storing.say(sender, WERKTOEDELING)
    assert is_answer(reply), reply
    assert storing.user_texts(sender) == [WERKTOEDELING]


def test_socketio_with_the_action_server_hanging_says_so_in_time_and_the_retry_is_stored_once(storing):
    """SIGSTOP: the action server accepts the connection and never answers (a slow server)."""
    sender = f"storing-{uuid.uuid4().hex[:8]}"
    widget = Widget(storing.stack.rasa_url, sender)
    try:
        os.killpg(storing.actions.process.pid, signal.SIGSTOP)
        try:
            reply, seconds = widget.say(WERKTOEDELING, wait=45)
        finally:
            os.killpg(storing.actions.process.pid, signal.SIGCONT)
        assert is_notice(reply), reply
        assert seconds < 45, seconds  # below the widget's typing indicator (55 s) and nginx's 60 s
        time.sleep(1)
        reply, _ = widget.say(WERKTOEDELING, wait=30)
        assert is_answer(reply), reply
    finally:
        widget.close()
    assert storing.user_texts(sender) == [WERKTOEDELING]


def test_no_log_line_holds_what_the_person_typed(storing):
    """Issue 18, point 5 (logs): Rasa logged the raw user text when a turn failed. After the
    outages above, no log of the stack holds a message the person typed."""
    logs = [p for p in storing.stack.log_dir.glob("*") if p.is_file()]
    assert logs
    for path in logs:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert FAQ not in text and WERKTOEDELING not in text, path.name
