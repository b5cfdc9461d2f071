"""Scale-out on this machine (issue 8): two Rasa instances, one action server, the
PostgreSQL tracker store and the Redis lock store, behind nginx with the production
configuration (deploy/nginx/wegwijzer.conf, unchanged but for `listen` and `root`).
Loopback only. Proves: turns of one conversation alternate between the instances and
nothing is lost or duplicated; concurrent conversations all reach their result; two
simultaneous messages of one conversation are serialised by the lock; after kill -9 of
one instance the conversation goes on at the other."""
import os
import shutil
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg2
import pytest
import redis
import requests
from requests_toolbelt.adapters.source import SourceAddressAdapter

from bot.kluis import nieuwe_sleutel
from devtools.gesprekken import SCRIPTS, play
from devtools.stack import MODEL, ROOT, Service, Stack, free_port
from tests.helpers import reachable

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
PG = dict(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
REDIS_DB = 7


pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/ensure-nginx.sh)"),
    pytest.mark.skipif(not reachable(5432), reason="PostgreSQL is not reachable on 127.0.0.1:5432"),
    pytest.mark.skipif(not reachable(6379), reason="Redis is not reachable on 127.0.0.1:6379"),
    pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)"),
]


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

    def stored_rows(self, sender: str) -> list[tuple]:
        with psycopg2.connect(**{**PG, "dbname": self.db}) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT type_name, timestamp, data FROM events WHERE sender_id = %s ORDER BY id",
                           (sender,))
            return cursor.fetchall()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    state = tmp_path_factory.mktemp("schaal")
    db = f"wegwijzer_schaal_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(**PG)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{db}"')
    redis.Redis(db=REDIS_DB).flushdb()
    token = uuid.uuid4().hex
    stack = Stack(action_port=free_port(), log_dir=state / "logs", env={
        "TRACKER_STORE_URL": f"postgresql://postgres@127.0.0.1:5432/{db}",
        "LOCK_STORE_TYPE": "redis", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379",
        "REDIS_DB": str(REDIS_DB), "REDIS_PASSWORD": "", "RASA_TOKEN": token,
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{db}", "OUTBOX_DIR": str(state / "outbox"),
        "KLUIS_SLEUTEL": nieuwe_sleutel(), "CORS_ORIGINS": "http://127.0.0.1"})
    ports = [free_port(), free_port()]
    rasa = [stack.rasa_service(port=p, name=f"rasa-{i}") for i, p in enumerate(ports, start=1)]
    proxy_port = free_port()
    nginx = Service("nginx", [NGINX, "-p", str(state), "-c", str(nginx_config(state, proxy_port, ports))], None)
    try:
        stack.start(stack.action_service(), *rasa, timeout=300)
        stack.start(nginx)
        deadline = time.monotonic() + 20
        while not reachable(proxy_port) and time.monotonic() < deadline:
            time.sleep(0.2)
        yield Cluster(stack, f"http://127.0.0.1:{proxy_port}", state / "access.log", rasa, token, db)
    finally:
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
