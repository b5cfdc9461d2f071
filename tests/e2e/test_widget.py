"""The web widget on the demo page, in real headless Chromium (Debian's, via Playwright),
against the real Rasa and action servers: both flows, reload, keyboard only, a phone,
axe-core, safe text, the connection state, restart and print. The page's own strict CSP
is on in every test except the axe scan (axe is injected as a script)."""
import json
import re
import shutil

import pytest
import requests

from devtools.stack import ROOT, Stack

CHROMIUM = shutil.which("chromium")
WIDGET = ROOT / "widget" / "dist" / "wegwijzer.js"
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = ROOT / "var" / "test-artefacts"
TURN = 30_000  # ms: one answer of the assistant, first turns included
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make browser)"),
    pytest.mark.skipif(not WIDGET.exists(), reason="the widget is not built (make widget)"),
]


@pytest.fixture(scope="module")
def demo(assistant, tmp_path_factory):
    stack = Stack(demo_port=assistant.stack.demo_port, log_dir=tmp_path_factory.mktemp("demo-logs"),
                  env={"RASA_PUBLIC_URL": assistant.url})
    try:
        stack.start(stack.demo_service())
        yield f"http://127.0.0.1:{stack.demo_port}"
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class Chat:
    """The demo page with the widget, and the few moves a user makes."""

    def __init__(self, browser, url, **context_options):
        self.context = browser.new_context(locale="nl-NL", **context_options)
        self.page = self.context.new_page()
        self.console = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.goto(url)
        self.panel = self.page.locator("#ww-paneel")
        self.log = self.page.locator("#ww-gesprek")
        self.input = self.page.get_by_label("Stel je vraag")

    def open(self):
        self.page.get_by_role("button", name="Chat met de Wegwijzer").click()
        self.wait_for_bot("Waarmee kan ik je helpen?")

    def bot_messages(self):
        return self.log.locator(".ww-van-bot")

    def wait_for_bot(self, text):
        from playwright.sync_api import expect

        expect(self.bot_messages().filter(has_text=text).last).to_be_visible(timeout=TURN)

    def choose(self, title):
        """Clicks the still active button with this title."""
        button = self.log.locator(".ww-keuze:not([disabled])", has_text=title).last
        button.click()

    def say(self, text):
        self.input.fill(text)
        self.input.press("Enter")

    def card(self, kind):
        return self.log.locator(f".ww-kaart-{kind}").last

    def csp_violations(self):
        return [m for m in self.console if "Content Security Policy" in m or "pageerror" in m]

    def close(self):
        self.context.close()


@pytest.fixture
def chat(browser, demo):
    chats = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 800})
        chats.append(Chat(browser, demo, **options))
        return chats[-1]

    yield make
    for c in chats:
        violations = c.csp_violations()
        c.close()
        assert violations == [], violations


def route_intake(chat):
    """The route intake with buttons and one typed answer, up to the advice card."""
    chat.choose("Ik wil in de jeugdzorg werken")
    chat.wait_for_bot("Sta je nu in het Kwaliteitsregister Jeugd")
    chat.choose("Nee, nooit")
    chat.wait_for_bot("Wat wil je het liefst?")
    chat.choose("Een registratie halen")
    chat.wait_for_bot("diploma")
    chat.say("ik heb social work profiel jeugd")
    chat.wait_for_bot("afgerond")
    chat.choose("Ja")
    chat.wait_for_bot("Wanneer heb je je diploma gehaald?")
    chat.choose("Minder dan 5 jaar geleden")
    chat.wait_for_bot("Werk je nu in de jeugdhulp")
    chat.choose("Nee")
    chat.wait_for_bot("Dit heb ik begrepen:")
    chat.choose("Klopt")


def werktoedeling_check(chat):
    chat.say("Mag een mbo-thuisbegeleider alleen bij een gezin waar huiselijk geweld speelt?")
    chat.wait_for_bot("Waar werkt de medewerker?")
    chat.choose("Bij een jeugdhulpaanbieder")
    chat.wait_for_bot("Staat de medewerker zelf")  # registration is asked, never inferred
    chat.choose("Nee")
    chat.wait_for_bot("bijzondere reden")
    chat.choose("Nee")
    chat.wait_for_bot("Dit heb ik begrepen:")
    chat.choose("Klopt")


# --- the page and its Content Security Policy -------------------------------------------

def test_demo_page_sends_a_strict_csp_that_allows_only_the_rasa_server(demo, assistant):
    response = requests.get(demo, timeout=10)
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["connect-src"].split() == ["'self'", assistant.url, assistant.url.replace("http", "ws", 1)]
    assert "unsafe" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Permissions-Policy" in response.headers
    assert f'data-server="{assistant.url}"' in response.text
    assert "<script>" not in response.text and "style=" not in response.text
    for path in ("/widget/wegwijzer.js", "/widget/wegwijzer.css", "/nergens"):
        assert "Content-Security-Policy" in requests.get(demo + path, timeout=10).headers


# --- the two flows, reload, restart ---------------------------------------------------------

def test_route_intake_by_buttons_and_typing_shows_the_phase_card_and_survives_a_reload(chat):
    from playwright.sync_api import expect

    c = chat()
    c.open()
    assert "Typ geen namen" in c.panel.inner_text()
    route_intake(c)
    card = c.card("route")
    expect(card.get_by_role("heading", name="Jouw fase: Op weg naar bevoegd")).to_be_visible(timeout=TURN)
    expect(card.locator("[aria-current=step]")).to_have_text("Op weg naar bevoegd")
    assert card.locator(".ww-stappen li").count() >= 1
    assert card.locator("details summary", has_text="Bronnen").count() == 1
    # the card replaces the advice text; buttons of a turn are disabled after use
    assert c.bot_messages().filter(has_text="Jouw fase:").count() == 1
    assert c.log.locator("button.ww-keuze[disabled]", has_text="Klopt").count() == 1
    user_texts = c.log.locator(".ww-van-gebruiker").all_inner_texts()
    assert any("Nee, nooit" in t for t in user_texts)  # the title is shown, not the payload
    assert not any("/inform" in t for t in user_texts)
    c.page.screenshot(path=str(ARTEFACTS / "widget-desktop.png"))

    session = c.page.evaluate("localStorage.getItem('wegwijzer.sessie')")
    shown = c.log.inner_text()
    c.page.reload()
    expect(c.card("route").get_by_role("heading", name="Jouw fase: Op weg naar bevoegd")).to_be_visible()
    assert c.log.inner_text() == shown
    assert c.page.evaluate("localStorage.getItem('wegwijzer.sessie')") == session
    # the same conversation goes on on the server: the advice's own follow-up button works
    c.choose("Kosten en duur")
    c.wait_for_bot("Duur:")


def test_werktoedeling_check_shows_the_verdict_card(chat):
    from playwright.sync_api import expect

    c = chat()
    c.open()
    werktoedeling_check(c)
    card = c.card("werktoedeling")
    expect(card.get_by_role("heading", name="Voor deze taak is een geregistreerde professional nodig.")).to_be_visible(timeout=TURN)
    expect(card.locator(".ww-label")).to_have_text("Registratie nodig")
    why = card.locator("details", has=c.page.locator("summary", has_text="Waarom dit advies?"))
    assert why.get_attribute("open") is None
    why.locator("summary").click()
    expect(why).to_contain_text("onveilige")
    expect(card.locator("li", has_text="kennis en vaardigheden")).to_be_visible()  # a condition, as a list item


def test_restart_forgets_the_conversation_and_starts_a_new_session(chat):
    c = chat()
    c.open()
    c.choose("Ik ben werkgever of HR")
    c.wait_for_bot("Om welke taak gaat het?")
    before = c.page.evaluate("localStorage.getItem('wegwijzer.sessie')")
    c.page.get_by_role("button", name="Opnieuw beginnen").click()
    c.wait_for_bot("Waarmee kan ik je helpen?")
    after = c.page.evaluate("localStorage.getItem('wegwijzer.sessie')")
    assert after and after != before
    assert "Om welke taak gaat het?" not in c.log.inner_text()
    assert c.log.locator(".ww-van-gebruiker").count() == 0
    stored = json.loads(c.page.evaluate("sessionStorage.getItem('wegwijzer.gesprek')"))
    assert [item["van"] for item in stored] == ["bot"] * len(stored)


def test_erasing_my_data_forgets_the_transcript_in_the_browser_too(chat):
    """Issue 18, point 5: after "verwijder mijn gegevens" the widget kept the erased conversation
    in sessionStorage and on screen. Now only the confirmation is left, in the same session."""
    c = chat()
    c.open()
    c.choose("Ik wil in de jeugdzorg werken")
    c.wait_for_bot("Sta je nu in het Kwaliteitsregister Jeugd")
    c.choose("Nee, nooit")
    c.wait_for_bot("Wat wil je het liefst?")
    c.choose("Een registratie halen")
    c.wait_for_bot("diploma")
    c.say("ik heb social work profiel jeugd, werk nu als ambulant begeleider")
    c.wait_for_bot("afgerond")
    before = c.page.evaluate("localStorage.getItem('wegwijzer.sessie')")
    c.say("verwijder mijn gegevens")
    c.wait_for_bot("Wil je dat ik het nu wis?")
    c.choose("Ja, wis alles")
    c.wait_for_bot("Dit gesprek is gewist")
    text = c.log.inner_text()
    assert "social work profiel jeugd" not in text and "Wil je dat ik het nu wis?" not in text
    stored = c.page.evaluate("sessionStorage.getItem('wegwijzer.gesprek')") or "[]"
    assert "social work" not in stored and "ambulant" not in stored
    assert c.page.evaluate("localStorage.getItem('wegwijzer.sessie')") == before


# --- keyboard, phone, zoom ------------------------------------------------------------------

def focused(page):
    return page.evaluate(
        "(() => { const e = document.activeElement; return {tag: e.tagName, text: e.textContent.trim(),"
        " cls: e.className, outline: getComputedStyle(e).outlineStyle} })()")


def tab_to(page, text, key="Tab", limit=60):
    for _ in range(limit):
        page.keyboard.press(key)
        if focused(page)["text"].startswith(text):
            return focused(page)
    raise AssertionError(f"{text!r} not reachable with {key}")


def test_werktoedeling_check_with_the_keyboard_only(chat):
    from playwright.sync_api import expect

    c = chat()
    page = c.page
    launcher = tab_to(page, "Chat met de Wegwijzer")
    assert launcher["outline"] != "none"  # visible focus
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "TEXTAREA"
    c.wait_for_bot("Waarmee kan ik je helpen?")
    page.keyboard.type("Mag een mbo-thuisbegeleider alleen bij een gezin waar huiselijk geweld speelt?")
    page.keyboard.press("Enter")
    c.wait_for_bot("Waar werkt de medewerker?")
    tab_to(page, "Bij een jeugdhulpaanbieder", key="Shift+Tab")
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "TEXTAREA"  # focus stays in the chat after a button
    c.wait_for_bot("Staat de medewerker zelf")
    tab_to(page, "Nee", key="Shift+Tab")
    page.keyboard.press("Space")
    c.wait_for_bot("bijzondere reden")
    tab_to(page, "Nee", key="Shift+Tab")
    page.keyboard.press("Space")
    c.wait_for_bot("Dit heb ik begrepen:")
    tab_to(page, "Klopt", key="Shift+Tab")
    page.keyboard.press("Enter")
    card = c.card("werktoedeling")
    expect(card.locator(".ww-label")).to_have_text("Registratie nodig", timeout=TURN)
    summary = tab_to(page, "Bronnen", key="Shift+Tab")
    assert summary["tag"] == "SUMMARY" and summary["outline"] != "none"
    page.keyboard.press("Enter")
    expect(card.locator("details", has_text="Bronnen").locator(".ww-bronnen")).to_be_visible()
    page.keyboard.press("Escape")
    expect(c.panel).to_be_hidden()
    assert "ww-launcher" in focused(page)["cls"]  # focus back on the launcher
    page.keyboard.press("Enter")
    expect(c.panel).to_be_visible()
    assert focused(page)["tag"] == "TEXTAREA"


def test_phone_shows_the_crisis_message_full_screen(chat):
    from playwright.sync_api import expect

    c = chat(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)
    c.open()
    box = c.panel.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844)
    c.say("ik denk dat het kind van de buren mishandeld wordt")
    crisis = c.log.locator(".ww-kaart-crisis[role=alert]")
    expect(crisis).to_be_visible(timeout=TURN)
    expect(crisis.locator("a[href='tel:112']")).to_contain_text("112")
    expect(crisis.locator("a[href='tel:08002000']")).to_contain_text("0800-2000")
    assert "Ik ben een chatbot" in crisis.inner_text()
    assert c.page.evaluate("document.documentElement.scrollWidth") <= 390
    c.page.screenshot(path=str(ARTEFACTS / "widget-telefoon.png"))
    # full screen, so the dialog is modal: Tab cycles inside it instead of the hidden page
    assert c.panel.get_attribute("aria-modal") == "true"
    c.input.focus()
    c.page.keyboard.press("Tab")
    c.page.keyboard.press("Tab")
    assert focused(c.page)["text"] == "Opnieuw beginnen"
    c.page.keyboard.press("Shift+Tab")
    assert focused(c.page)["text"] == "Verstuur"


def test_320_px_and_zoom_200_percent_keep_everything_on_screen(chat):
    c = chat(viewport={"width": 320, "height": 640})
    c.open()
    c.choose("Ik ben werkgever of HR")
    c.wait_for_bot("Om welke taak gaat het?")
    for width, height in [(320, 640), (640, 360)]:  # 640 × 360 = 1280 × 720 at 200 %
        c.page.set_viewport_size({"width": width, "height": height})
        assert c.page.evaluate("document.documentElement.scrollWidth") <= width
        for control in [c.input, c.page.get_by_role("button", name="Verstuur"),
                        c.page.get_by_role("button", name="Sluit de chat")]:
            box = control.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= width, control
            assert 0 <= box["y"] and box["y"] + box["height"] <= height, control
        widest = c.page.evaluate(
            "Math.max(...[...document.querySelectorAll('#ww-paneel *')].map(e => e.getBoundingClientRect().right))")
        assert widest <= width + 0.5
    c.page.screenshot(path=str(ARTEFACTS / "widget-zoom-200.png"))


# --- axe-core ------------------------------------------------------------------------------

def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (make widget)")
def test_axe_finds_no_violations_with_the_widget_open(chat):
    from playwright.sync_api import expect

    # bypass_csp only here: axe is injected as a script, which the page's CSP rightly refuses
    c = chat(bypass_csp=True)
    c.open()
    werktoedeling_check(c)
    card = c.card("werktoedeling")
    expect(card.locator(".ww-label")).to_have_text("Registratie nodig", timeout=TURN)
    for summary in card.locator("summary").all():
        summary.click()
    c.say("ik denk dat het kind van de buren mishandeld wordt")
    expect(c.log.locator(".ww-kaart-crisis")).to_be_visible(timeout=TURN)
    assert axe_violations(c.page) == []
    c.page.set_viewport_size({"width": 390, "height": 844})
    assert axe_violations(c.page) == []


# --- safety ----------------------------------------------------------------------------------

NEW_WINDOW = " (opent in een nieuw venster)"  # screen-reader text of a link that opens a tab
HOSTILE = ('<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> '
           "klik javascript:alert(1) of https://voorbeeld.nl/pad. Mail noor@voorbeeld.nl")


def test_markup_in_a_message_is_shown_as_text_and_only_safe_links_are_made(chat):
    c = chat()
    c.open()
    c.say(HOSTILE)
    bubble = c.log.locator(".ww-van-gebruiker .ww-ballon").last
    assert bubble.text_content().replace(NEW_WINDOW, "") == HOSTILE
    assert bubble.locator("img, script").count() == 0
    hrefs = [a.get_attribute("href") for a in bubble.locator("a").all()]
    assert hrefs == ["https://voorbeeld.nl/pad", "mailto:noor@voorbeeld.nl"]
    c.page.wait_for_timeout(500)
    assert c.page.evaluate("window.__xss") is None


def test_bot_text_and_card_fields_are_never_markup_after_a_reload(chat):
    """The transcript in sessionStorage is rendered like live messages: a hostile bot
    text and a javascript: source address stay text."""
    c = chat()
    items = [
        {"van": "bot", "tekst": '<b onclick="x">vet</b> <a href="javascript:alert(1)">link</a> www.skj.nl'},
        {"van": "bot", "kaart": {"type": "werktoedeling_advies", "verdict": "deskundigenteam",
                                 "kop": "<img src=x onerror=window.__xss=3>",
                                 "bronnen": [{"titel": "Bron", "jaar": "2024", "url": "javascript:alert(2)"}]}},
    ]
    c.page.evaluate("items => sessionStorage.setItem('wegwijzer.gesprek', JSON.stringify(items))", items)
    c.page.reload()
    c.page.get_by_role("button", name="Chat met de Wegwijzer").click()
    first = c.log.locator(".ww-ballon").first
    assert first.text_content().replace(NEW_WINDOW, "") == items[0]["tekst"]
    assert [a.get_attribute("href") for a in first.locator("a").all()] == ["https://www.skj.nl/"]
    card = c.card("werktoedeling")
    assert card.get_by_role("heading").first.inner_text() == "<img src=x onerror=window.__xss=3>"
    assert card.locator("img").count() == 0
    assert card.locator("a[href^='javascript']").count() == 0
    assert c.page.evaluate("window.__xss") is None


# --- the connection --------------------------------------------------------------------------

def test_losing_the_network_is_shown_and_the_chat_reconnects(chat):
    from playwright.sync_api import expect

    c = chat()
    c.open()
    status = c.page.locator("#ww-status")
    c.context.set_offline(True)
    expect(status).to_have_text(re.compile("Verbinding weg"), timeout=15_000)
    c.context.set_offline(False)
    expect(status).to_have_text("Weer verbonden.", timeout=20_000)
    c.choose("Ik ben werkgever of HR")
    c.wait_for_bot("Om welke taak gaat het?")


def test_long_messages_are_capped_with_a_notice(chat):
    from playwright.sync_api import expect

    c = chat()
    c.open()
    c.input.fill("a" * 2500)
    assert len(c.input.input_value()) == 2000
    expect(c.page.locator("#ww-teller")).to_have_text("Nog 0 van 2000 tekens over.")


# --- print -------------------------------------------------------------------------------

def test_print_gives_a_clean_summary_of_the_advice(chat):
    from playwright.sync_api import expect

    c = chat()
    c.open()
    werktoedeling_check(c)
    card = c.card("werktoedeling")
    expect(card.locator(".ww-label")).to_have_text("Registratie nodig", timeout=TURN)
    c.page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1 } }")
    card.get_by_role("button", name="Print of bewaar dit advies").click()
    assert c.page.evaluate("window.__printed") == 1
    c.page.emulate_media(media="print")
    summary = c.page.locator(".ww-afdruk")
    expect(summary).to_be_visible()
    expect(c.page.locator(".ww-widget")).to_be_hidden()
    expect(c.page.locator("main")).to_be_hidden()
    text = summary.inner_text()
    for part in ("Voor deze taak is een geregistreerde professional nodig.", "Waarom dit advies?", "Bronnen",
                 "Gemaakt op", "deskundigenteam"):
        assert part in text, part
    assert summary.locator("details, button").count() == 0
    c.page.screenshot(path=str(ARTEFACTS / "widget-afdruk.png"), full_page=True)
    c.page.pdf(path=str(ARTEFACTS / "widget-advies.pdf"))


def test_hostile_inputs_through_the_widget_are_shown_as_text_and_answered(chat):
    """The corpus entries marked `widget: true` (tests/vijandig/invoer.yml), in one chat."""
    import yaml
    from playwright.sync_api import expect

    corpus = yaml.safe_load((ROOT / "tests" / "vijandig" / "invoer.yml").read_text(encoding="utf-8"))
    hostile = [c["tekst"] for c in corpus if c.get("widget")]
    assert len(hostile) >= 10
    c = chat()
    c.open()
    dialogs = []  # alert(...) in any input would open one if it ran
    c.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for text in hostile:
        answered = c.bot_messages().count()
        c.say(text)
        expect(c.bot_messages()).not_to_have_count(answered, timeout=TURN)
        shown = c.log.locator(".ww-van-gebruiker .ww-ballon").last.evaluate(
            "b => { const k = b.cloneNode(true); k.querySelectorAll('.ww-sr').forEach(s => s.remove());"
            " return k.textContent; }")  # without the screen-reader hint of a link
        assert shown.strip() == text.strip()
    assert dialogs == []
    assert c.log.locator("script, iframe, img[src], svg, a[href^='javascript'], a[href^='data']").count() == 0
