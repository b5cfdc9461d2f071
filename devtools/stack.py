"""Starts the assistant's processes and stops them cleanly.

`make run`, `make shell`, the end-to-end tests and the benchmark all start the
assistant through this module, so they run the very same commands.

    python -m devtools.stack run     # action server + Rasa server, until Ctrl-C
    python -m devtools.stack shell   # action server + a terminal chat
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "wegwijzer.tar.gz"
# One instance locks conversations in memory; several share a Redis lock store.
LOCK_STORE_DEFAULTS = {"LOCK_STORE_TYPE": "in_memory", "REDIS_HOST": "127.0.0.1",
                       "REDIS_PORT": "6379", "REDIS_PASSWORD": "", "REDIS_DB": "1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process ended with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Service:
    name: str
    argv: list[str]
    health_url: str | None  # None: a worker without HTTP; alive is enough
    process: subprocess.Popen | None = None


@dataclass
class Stack:
    """The action server and the Rasa server, with their settings from the environment."""

    rasa_port: int = int(os.environ.get("RASA_PORT", 5005))
    action_port: int = int(os.environ.get("ACTION_PORT", 5055))
    log_dir: Path = ROOT / "var" / "logs"
    env: dict[str, str] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)
    # Rasa's HTTP API (tracker, model) only with this token; RASA_TOKEN in production.
    # Hex: a url-safe token can start with "-", which `rasa run --auth-token` takes for an option.
    token: str = field(default_factory=lambda: secrets.token_hex(24))

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def environment(self) -> dict[str, str]:
        env = {**os.environ, **self.env}
        env.setdefault("RASA_TELEMETRY_ENABLED", "false")
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        env.setdefault("TRACKER_STORE_URL", f"sqlite:///{ROOT / 'var' / 'tracker.db'}")
        for name, default in LOCK_STORE_DEFAULTS.items():  # endpoints.yml needs every one
            env.setdefault(name, default)
        env.setdefault("RASA_TOKEN", self.token)
        env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{self.action_port}/webhook"
        env["PYTHONPATH"] = str(ROOT)
        env["INBOX_PORT"] = str(self.inbox_port)
        env.setdefault("INBOX_URL", f"http://127.0.0.1:{self.inbox_port}")
        env["DEMO_PORT"] = str(self.demo_port)
        # Only the demo page may call Rasa from a browser; production sets the site's origins.
        env.setdefault("CORS_ORIGINS", f"http://127.0.0.1:{self.demo_port} http://localhost:{self.demo_port}")
        env.setdefault("RASA_PUBLIC_URL", self.rasa_url)  # the Rasa server as the demo page's browser sees it
        return env

    def action_service(self) -> Service:
        return Service(
            "actions",
            [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
             "--port", str(self.action_port)],
            f"http://127.0.0.1:{self.action_port}/health",
        )

    def rasa_service(self, port: int | None = None, name: str = "rasa") -> Service:
        """One Rasa instance; the scale test starts several on their own ports."""
        port = port or self.rasa_port
        env = self.environment()
        return Service(
            name,
            [str(BIN / "rasa"), "run", "--model", str(MODEL),
             "--endpoints", str(ROOT / "endpoints.yml"),
             "--credentials", str(ROOT / "credentials.yml"),
             "--port", str(port),
             "--cors", *env.get("CORS_ORIGINS", "*").split(),
             "--enable-api", "--auth-token", env["RASA_TOKEN"]],
            f"http://127.0.0.1:{port}/",
        )

    inbox_port: int = int(os.environ.get("INBOX_PORT", 8081))

    def inbox_service(self) -> Service:
        return Service(
            "inbox",
            [sys.executable, "-m", "inbox.app"],
            f"http://127.0.0.1:{self.inbox_port}/gezond",
        )

    demo_port: int = int(os.environ.get("DEMO_PORT", 8080))

    def demo_service(self) -> Service:
        """The demo page with the web widget (devtools/demo.py)."""
        return Service(
            "demo",
            [sys.executable, "-m", "devtools.demo"],
            f"http://127.0.0.1:{self.demo_port}/gezond",
        )

    def worker_service(self) -> Service:
        return Service("werker", [sys.executable, "-m", "bot.zaken.werker"], None)

    def start(self, *services: Service, timeout: float = 180) -> float:
        """Starts the services in order and returns the seconds until all answer."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        (ROOT / "var").mkdir(exist_ok=True)
        started = time.monotonic()
        env = self.environment()
        for service in services or (self.action_service(), self.rasa_service()):
            log = open(self.log_dir / f"{service.name}.log", "ab")
            service.process = subprocess.Popen(
                service.argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            self.services.append(service)
        for service in self.services:
            if service.health_url:
                wait_until_up(service.health_url, service.process, timeout)
            elif service.process.poll() is not None:
                raise RuntimeError(f"{service.name} ended with code {service.process.returncode}")
        return time.monotonic() - started

    def stop(self) -> None:
        for service in reversed(self.services):
            if service.process and service.process.poll() is None:
                os.killpg(service.process.pid, signal.SIGTERM)
        for service in self.services:
            if not service.process:
                continue
            try:
                service.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(service.process.pid, signal.SIGKILL)
                service.process.wait()
        self.services.clear()

    def wait_for_exit(self) -> int:
        """Blocks until a service ends (a crash) and returns its exit code."""
        while True:
            for service in self.services:
                code = service.process.poll()
                if code is not None:
                    print(f"{service.name} stopte onverwacht (code {code}); "
                          f"zie {self.log_dir / service.name}.log", file=sys.stderr)
                    return code or 1
            time.sleep(0.5)


def stop_on_signals() -> None:
    """Ctrl-C and SIGTERM both end the run cleanly, even where SIGINT was ignored."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


def run() -> int:
    stack = Stack()
    stop_on_signals()
    try:
        print("Wegwijzer Jeugdzorg start op (de eerste keer duurt dit even)...", flush=True)
        seconds = stack.start(stack.action_service(), stack.rasa_service(),
                              stack.worker_service(), stack.inbox_service(),
                              stack.demo_service())
        print(f"\nKlaar in {seconds:.0f} s.\n"
              f"  Open de demo:   http://127.0.0.1:{stack.demo_port}  (de web-widget)\n"
              f"  Chat via REST:  curl -s {stack.rasa_url}/webhooks/rest/webhook "
              f"-d '{{\"sender\": \"ik\", \"message\": \"hallo\"}}'\n"
              f"  Socket.io:      {stack.rasa_url}/socket.io\n"
              f"  Terminal-chat:  make shell\n"
              f"  Inbox team:     http://127.0.0.1:{stack.inbox_port}  "
              f"(account: make inbox-gebruiker NAAM=...)\n"
              f"  Logboeken:      {stack.log_dir}\n"
              f"Stoppen: Ctrl-C\n", flush=True)
        return stack.wait_for_exit()
    except KeyboardInterrupt:
        return 0
    finally:
        print("\nStoppen...", flush=True)
        stack.stop()


def shell() -> int:
    stack = Stack()
    stop_on_signals()
    try:
        stack.start(stack.action_service())
        return subprocess.call(
            [str(BIN / "rasa"), "shell", "--model", str(MODEL),
             "--endpoints", str(ROOT / "endpoints.yml")],
            cwd=ROOT, env=stack.environment(),
        )
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    commands = {"run": run, "shell": shell}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: python -m devtools.stack {{{'|'.join(commands)}}}")
    sys.exit(commands[sys.argv[1]]())
