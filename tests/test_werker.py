"""The worker (bot.zaken.werker) under faults: unreadable outbox files, and a health
check that tells when cases wait too long or a dead letter needs the team. `store` is the
SQLite case store of tests/test_meldingen.py, shared through conftest."""
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.zaken.opslag import Aanvraag
from bot.zaken.outbox import Outbox
from bot.zaken.werker import one_round

ROOT = Path(__file__).resolve().parent.parent



def test_the_worker_survives_an_unreadable_outbox_file(store, tmp_path):
    """Issue 18, point 3: an unreadable file made the worker's round raise."""
    outbox = Outbox(tmp_path / "outbox")
    (outbox.directory / "0-kapot.json").write_bytes(b"\xff\xfe niet te lezen")
    good = Aanvraag(soort="overig", vraag="Hallo?")
    outbox.put(good)
    one_round(store, outbox)
    assert outbox.pending() == []
    assert store.case("AKB-" + good.aangemaakt[:4] + "-00001").aanvraag_id == good.aanvraag_id
    assert [d.aanvraag_id for d in store.dead_letters()] == ["0-kapot"]


def healthcheck(store, outbox):
    """The entrypoint's `gezond werker`, as compose and Kubernetes run it."""
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "WEGWIJZER_HOME": str(ROOT),
           "PYTHONPATH": str(ROOT), "DATABASE_URL": store.url, "OUTBOX_DIR": str(outbox.directory)}
    return subprocess.run(["bash", str(ROOT / "deploy" / "entrypoint.sh"), "gezond", "werker"],
                          env=env, capture_output=True, text=True, timeout=60)


def test_the_health_check_reports_a_backlog_and_a_dead_letter(store, tmp_path):
    """Issue 18, point 3: the health check only asked whether the database answered."""
    outbox = Outbox(tmp_path / "outbox")
    assert healthcheck(store, outbox).returncode == 0
    waiting = outbox.put(Aanvraag(soort="overig", vraag="Hallo?"))
    assert healthcheck(store, outbox).returncode == 0  # just arrived: no backlog yet
    an_hour_ago = time.time() - 3600
    os.utime(waiting, (an_hour_ago, an_hour_ago))
    result = healthcheck(store, outbox)
    assert result.returncode != 0 and "outbox" in result.stderr
    outbox.flush(store)
    assert healthcheck(store, outbox).returncode == 0
    outbox.put(Aanvraag(soort="overig", vraag=None))  # the store refuses it: a dead letter
    outbox.flush(store)
    result = healthcheck(store, outbox)
    assert result.returncode != 0 and "dode brief" in result.stderr
