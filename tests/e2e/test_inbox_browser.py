"""End to end: a case created in the chat shows up in the inbox; the team logs in,
claims it and closes it. Real servers, real headless Chromium (Debian's, via Playwright)."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.stack import ROOT, Stack, free_port
from tests.conftest import texts

CHROMIUM = shutil.which("chromium")
ARTEFACTS = ROOT / "var" / "test-artefacts"
PASSWORD = "wachtwoord-voor-de-test"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make browser)")


@pytest.fixture(scope="module")
def inbox(assistant, tmp_path_factory):
    env = {"DATABASE_URL": assistant.case_db_url, "INBOX_GEHEIM": "test-geheim-" + "x" * 20}
    subprocess.run([sys.executable, "-m", "inbox.gebruikers", "nieuw", "anna"], input=PASSWORD + "\n",
                   text=True, check=True, cwd=ROOT, env={**os.environ, **env, "PYTHONPATH": str(ROOT)})
    stack = Stack(inbox_port=free_port(), log_dir=tmp_path_factory.mktemp("inbox-logs"), env=env)
    try:
        stack.start(stack.inbox_service())
        yield f"http://127.0.0.1:{stack.inbox_port}"
    finally:
        stack.stop()


def chat_handoff(assistant, sender) -> str:
    assistant.say(sender, "ik wil iemand spreken")
    assistant.say(sender, "ja")
    assistant.say(sender, "Noor")
    assistant.say(sender, '/inform{"contactvoorkeur": "email"}')
    assistant.say(sender, "noor@voorbeeld.nl")
    final = assistant.say(sender, "/affirm")
    return re.search(r"AKB-\d{4}-\d{5}", texts(final)).group(0)


def test_team_sees_claims_and_closes_a_case_from_the_chat(assistant, inbox, sender):
    from playwright.sync_api import sync_playwright

    reference = chat_handoff(assistant, sender)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.goto(inbox)
        page.get_by_label("Naam").fill("anna")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name=reference).click()
        assert "noor@voorbeeld.nl" in page.content()
        page.get_by_role("button", name="Toewijzen").click()
        assert page.locator("#status").inner_text() == "in_behandeling"
        page.get_by_role("button", name="Zet op afgerond").click()
        assert page.locator("#status").inner_text() == "afgerond"
        page.screenshot(path=str(ARTEFACTS / "inbox-zaak.png"), full_page=True)
        browser.close()
