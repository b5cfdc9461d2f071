"""Scale-out on this machine (issue 8): two Rasa instances, one action server, the
PostgreSQL tracker store and the Redis lock store, behind nginx with the production
configuration (deploy/nginx/wegwijzer.conf, unchanged but for `listen` and `root`).
Loopback only. Proves: turns of one conversation alternate between the instances and
nothing is lost or duplicated; concurrent conversations all reach their result; two
simultaneous messages of one conversation are serialised by the lock; after kill -9 of
one instance the conversation goes on at the other, also when the kill comes in the middle of a
turn, for a handoff over REST and over socket.io (issue 18, point 9).

It needs nothing of the machine but PostgreSQL: nginx is Debian's (scripts/ensure-nginx.sh, a
prerequisite of `make test`, installs it with redis-server) and Redis is started here on a free
port. Missing pieces are an error, not a skip, so the test cannot silently not run."""
import os
import shutil
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import threading

import psycopg2
import pytest
import requests
from requests_toolbelt.adapters.source import SourceAddressAdapter

from bot.kluis import nieuwe_sleutel
from devtools.gesprekken import SCRIPTS, play
from devtools.stack import MODEL, ROOT, Service, Stack, free_port
from tests.helpers import Widget, connected_to, reachable

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
REDIS_SERVER = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
PG = dict(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
HANDOFF = next(script for script in SCRIPTS if script.result == "overdracht")

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")


def nginx_config(directory: Path, port: int, rasa_ports: list[int]) -> Path:
    """The production server block with local upstreams and a log of who served what."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=60s;" for p in rasa_ports)
    (directory / "upstreams.conf").write_text(
        f"upstream rasa_sticky {{\n    hash $remote_addr consistent;\n{servers}\n}}\n"
        f"upstream rasa {{\n{servers}\n}}\n")
    site = (ROOT / "deploy" / "nginx" / "wegwijzer.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("root /usr/share/wegwijzer/www;", f"root {directory};")
    (directory / "wegwijzer.conf").write_text(site)
    main = directory / "nginx.conf"
    main.write_text(
        f"worker_processes 1;\npid {directory}/nginx.pid;\nerror_log {directory}/error.log warn;\n"
        "daemon off;\nevents { worker_connections 1024; }\nhttp {\n"
        f"  client_body_temp_path {directory}/body; proxy_temp_path {directory}/proxy;\n"
        f"  fastcgi_temp_path {directory}/fcgi; uwsgi_temp_path {directory}/uwsgi; scgi_temp_path {directory}/scgi;\n"
        "  log_format wie '$remote_addr $status $upstream_addr';\n"
        f"  access_log {directory}/access.log wie;\n"
        "  include wegwijzer.conf;\n}\n")
    return main


class Cluster:
    def __init__(self, stack: Stack, proxy_url: str, log: Path, rasa: list[Service], token: str, db: str):
        self.stack, self.url, self.log, self.rasa, self.token, self.db = stack, proxy_url, log, rasa, token, db

    def client(self, n: int) -> requests.Session:
        """A user at their own loopback address, as real users have their own."""
        session = requests.Session()
        session.mount("http://", SourceAddressAdapter(f"127.0.0.{10 + n}"))
        return session

    def served_by(self, n: int, expected: int = 0) -> list[str]:
        """Upstreams that served client n, in order. nginx logs a request after the reply has
        gone out, so the last line can lag the client: wait (briefly) for `expected` lines."""
        deadline = time.monotonic() + 5
        while True:
            lines = [line.split() for line in self.log.read_text().splitlines()]
            served = [parts[2] for parts in lines if parts[0] == f"127.0.0.{10 + n}" and len(parts) > 2]
            if len(served) >= expected or time.monotonic() > deadline:
                return served
            time.sleep(0.1)

    def tracker(self, sender: str) -> dict:
        port = next(s.argv[s.argv.index("--port") + 1] for s in self.rasa if s.process.poll() is None)
        response = requests.get(f"http://127.0.0.1:{port}/conversations/{sender}/tracker",
                                params={"token": self.token}, timeout=30)
        response.raise_for_status()
        return response.json()

    def cases(self, sender: str) -> list[str]:
        """References of the cases stored for this conversation (the action server's store)."""
        with psycopg2.connect(**{**PG, "dbname": self.db}) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT referentie FROM zaken WHERE gesprek_id = %s", (sender,))
            return [row[0] for row in cursor.fetchall()]

    @property
    def actions(self) -> Service:
        return next(s for s in self.stack.services if s.name == "actions")

    def port_of(self, service: Service) -> int:
        return int(service.argv[service.argv.index("--port") + 1])

    def kill_in_the_middle_of_the_turn(self, send) -> Service:
        """Holds the action server (SIGSTOP: it accepts the call and does not answer), lets
        `send` start a turn, waits until a Rasa instance is waiting for the action server, in
        the middle of that turn, kills that instance (SIGKILL) and lets the action server go
        on: it runs the action for a Rasa that is gone, as after a crash right after the
        commit. Returns the killed instance."""
        actions, port = self.actions, self.port_of(self.actions)
        os.killpg(actions.process.pid, signal.SIGSTOP)
        try:
            sender = threading.Thread(target=send, daemon=True)
            sender.start()
            deadline = time.monotonic() + 10  # well within the turn's action budget
            victim = None
            while victim is None and time.monotonic() < deadline:
                victim = next((r for r in self.rasa if r.process.poll() is None
                               and connected_to(r.process.pid, port)), None)
                time.sleep(0.05)
            assert victim is not None, "no Rasa instance called the action server"
            os.kill(victim.process.pid, signal.SIGKILL)
            victim.process.wait()
        finally:
            os.killpg(actions.process.pid, signal.SIGCONT)
        sender.join(timeout=90)
        return victim

    def revive(self, victim: Service) -> None:
        """Starts the killed instance again on its port (for the tests after this one)."""
        self.stack.services.remove(victim)
        fresh = Service(victim.name, victim.argv, victim.health_url)
        self.rasa[self.rasa.index(victim)] = fresh
        self.stack.start(fresh, timeout=300)

    def stored_rows(self, sender: str) -> list[tuple]:
        with psycopg2.connect(**{**PG, "dbname": self.db}) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT type_name, timestamp, data FROM events WHERE sender_id = %s ORDER BY id",
                           (sender,))
            return cursor.fetchall()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    assert NGINX, "nginx is not installed: make nginx (scripts/ensure-nginx.sh)"
    assert REDIS_SERVER, "redis-server is not installed: make nginx (scripts/ensure-nginx.sh)"
    assert reachable(5432), "PostgreSQL is not reachable on 127.0.0.1:5432"
    state = tmp_path_factory.mktemp("schaal")
    db = f"wegwijzer_schaal_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(**PG)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{db}"')
    token = uuid.uuid4().hex
    redis_port = free_port()
    stack = Stack(action_port=free_port(), log_dir=state / "logs", env={
        "TRACKER_STORE_URL": f"postgresql://postgres@127.0.0.1:5432/{db}",
        "LOCK_STORE_TYPE": "redis", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis_port),
        "REDIS_DB": "0", "REDIS_PASSWORD": "", "RASA_TOKEN": token,
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{db}", "OUTBOX_DIR": str(state / "outbox"),
        "KLUIS_SLEUTEL": nieuwe_sleutel(), "CORS_ORIGINS": "http://127.0.0.1"})
    ports = [free_port(), free_port()]
    rasa = [stack.rasa_service(port=p, name=f"rasa-{i}") for i, p in enumerate(ports, start=1)]
    proxy_port = free_port()
    nginx = Service("nginx", [NGINX, "-p", str(state), "-c", str(nginx_config(state, proxy_port, ports))], None)
    own_redis = Service("redis", [REDIS_SERVER, "--port", str(redis_port), "--bind", "127.0.0.1",
                                  "--save", "", "--appendonly", "no"], None)
    try:
        stack.start(own_redis)
        deadline = time.monotonic() + 10
        while not reachable(redis_port) and time.monotonic() < deadline:
            time.sleep(0.1)
        stack.start(stack.action_service(), *rasa, timeout=300)
        stack.start(nginx)
        deadline = time.monotonic() + 20
        while not reachable(proxy_port) and time.monotonic() < deadline:
            time.sleep(0.2)
        yield Cluster(stack, f"http://127.0.0.1:{proxy_port}", state / "access.log", rasa, token, db)
    finally:
        for service in stack.services:  # a stopped (SIGSTOP) process would not end on SIGTERM
            if service.process and service.process.poll() is None:
                os.killpg(service.process.pid, signal.SIGCONT)
        stack.stop()
        admin.cursor().execute(f'DROP DATABASE "{db}" WITH (FORCE)')
        admin.close()


def assert_complete(cluster: Cluster, sender: str, turns: int) -> None:
    """Every turn stored once, in order, in PostgreSQL, and the tracker agrees."""
    events = cluster.tracker(sender)["events"]
    rows = cluster.stored_rows(sender)
    assert sum(e["event"] == "user" for e in events) == turns
    assert sum(r[0] == "user" for r in rows) == turns
    assert len(rows) == len(set(rows)), "an event was stored twice"
    assert len(rows) >= len(events)


def test_turns_of_one_conversation_alternate_between_the_instances(cluster):
    script = SCRIPTS[0]
    run = play(cluster.url, script, f"schaal-{uuid.uuid4().hex[:8]}", cluster.client(0))
    assert not run.errors and run.reached
    served = cluster.served_by(0, expected=len(script.turns))
    assert len(served) == len(script.turns) and len(set(served)) == 2, served
    assert all(a != b for a, b in zip(served, served[1:])), f"round robin, turn by turn: {served}"
    assert_complete(cluster, run.sender, len(script.turns))


def test_concurrent_conversations_all_reach_their_result(cluster):
    plan = [SCRIPTS[i % len(SCRIPTS)] for i in range(12)]
    with ThreadPoolExecutor(6) as pool:
        runs = list(pool.map(lambda i: play(cluster.url, plan[i], f"schaal-{uuid.uuid4().hex[:8]}",
                                            cluster.client(1 + i)), range(len(plan))))
    assert [r.errors for r in runs] == [[] for _ in runs]
    assert all(r.reached for r in runs), [(r.script.name, r.reached) for r in runs]
    for run in runs:
        assert_complete(cluster, run.sender, len(run.script.turns))
    assert {a for i in range(len(plan)) for a in cluster.served_by(1 + i)} == {
        f"127.0.0.1:{s.argv[s.argv.index('--port') + 1]}" for s in cluster.rasa}


def test_simultaneous_messages_of_one_conversation_are_serialised(cluster):
    sender = f"schaal-{uuid.uuid4().hex[:8]}"
    ports = [s.argv[s.argv.index("--port") + 1] for s in cluster.rasa]

    def say(port, text):
        return requests.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=60).json()

    for _ in range(5):  # the same conversation, one message at each instance at once
        with ThreadPoolExecutor(2) as pool:
            replies = list(pool.map(say, ports, ["wat kost een skj registratie?", "wat is een vog?"]))
        assert all(replies)
    events = cluster.tracker(sender)["events"]
    kinds = [e["event"] for e in events if e["event"] in ("user", "bot")]
    assert kinds.count("user") == 10
    # the lock serialises: each message is answered before the next one is read
    assert all(kinds[i + 1] == "bot" for i, k in enumerate(kinds) if k == "user")
    assert_complete(cluster, sender, 10)


def assert_one_case(cluster: Cluster, sender: str, reference: str) -> None:
    assert cluster.cases(sender) == [reference], "the handoff was lost or stored twice"


def test_kill_9_in_the_middle_of_a_rest_handoff_turn_loses_and_doubles_nothing(cluster):
    """The confirming message's turn is cut off at the instance: nginx answers 502 (it does not
    resend a POST). The person sends it again and gets, within nginx's 60 s, the one case's
    reference; every message is in the tracker once."""
    sender, http = f"schaal-{uuid.uuid4().hex[:8]}", cluster.client(50)
    *before, confirm = HANDOFF.turns

    def say(text):
        response = http.post(f"{cluster.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                             timeout=70)
        return response.status_code, (response.json() if response.ok else [])

    for text in before:
        assert say(text)[0] == 200
    cut_off = []
    victim = cluster.kill_in_the_middle_of_the_turn(lambda: cut_off.append(say(confirm)))
    try:
        assert victim.process.returncode == -signal.SIGKILL
        assert cut_off and cut_off[0][0] == 502, cut_off
        started = time.monotonic()
        status, reply = say(confirm)
        assert status == 200 and time.monotonic() - started < 55, (status, time.monotonic() - started)
        assert HANDOFF.reached(reply), reply
        reference = next(m["custom"]["referentie"] for m in reply
                         if (m.get("custom") or {}).get("type") == "overdracht")
        assert_one_case(cluster, sender, reference)
        assert_complete(cluster, sender, len(HANDOFF.turns))
    finally:
        cluster.revive(victim)


def test_kill_9_in_the_middle_of_a_socketio_handoff_turn_loses_and_doubles_nothing(cluster):
    """The widget's channel: the session is sticky, so the instance that dies holds it. The
    widget connects again (nginx sends it to the other instance), asks for its session and
    sends the confirmation again; it gets the one case's reference in time."""
    sender, http = f"schaal-{uuid.uuid4().hex[:8]}", cluster.client(51)
    *before, confirm = HANDOFF.turns
    widget = Widget(cluster.url, sender, http_session=http)
    try:
        for text in before:
            reply, _ = widget.say(text, wait=30)
            assert reply, text
        victim = cluster.kill_in_the_middle_of_the_turn(lambda: widget.send(confirm))
    finally:
        widget.close()
    try:
        widget = Widget(cluster.url, sender, http_session=http)
        try:
            reply, seconds = widget.say(confirm, wait=60)
        finally:
            widget.close()
        assert seconds < 50, seconds  # the dead turn's lock expired; below nginx's and the widget's limits
        handoff = [m for m in reply if m.get("type") == "overdracht"]
        assert handoff, reply
        assert_one_case(cluster, sender, handoff[0]["referentie"])
        assert_complete(cluster, sender, len(HANDOFF.turns))
    finally:
        cluster.revive(victim)


def test_after_kill_9_of_one_instance_the_conversation_goes_on(cluster):
    script = SCRIPTS[0]
    victim = cluster.rasa[0]

    def kill_after_second_turn(run, turn):
        if turn == 2:
            os.kill(victim.process.pid, signal.SIGKILL)
            victim.process.wait()

    run = play(cluster.url, script, f"schaal-{uuid.uuid4().hex[:8]}", cluster.client(40),
               between_turns=kill_after_second_turn)
    assert victim.process.returncode == -signal.SIGKILL
    assert not run.errors and run.reached, run.errors
    assert_complete(cluster, run.sender, len(script.turns))
