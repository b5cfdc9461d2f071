/**
 * Wegwijzer Jeugdzorg web widget: one script tag, configured by data- attributes
 * (config.js), talking to Rasa's socket.io channel (transport.js).
 *
 * This module holds the conversation state and wires the parts together: the
 * transcript items (render.js) are the single source of what is shown; they are
 * stored after every change (storage.js) and rendered again after a reload.
 */
import { reveal, trapFocus } from "./a11y.js";
import { readConfig } from "./config.js";
import { buildPanel, MAX_LENGTH } from "./panel.js";
import { printItem } from "./print.js";
import { combine, disableButtons, normalize, renderItem } from "./render.js";
import { storage } from "./storage.js";
import { STATUS, Transport } from "./transport.js";

const script = document.currentScript; // only available while this script first runs

const STATUS_TEXT = {
  [STATUS.VERBINDEN]: "Verbinding maken…",
  [STATUS.VERBONDEN]: "",
  [STATUS.WEG]: "Verbinding weg. We proberen opnieuw te verbinden…",
  [STATUS.TERUG]: "Weer verbonden.",
};

// Bot messages of one turn arrive within milliseconds; waiting for a short quiet
// moment lets a card replace the text it repeats before anything is shown or read out.
const QUIET_MS = 200;
// The server answers every turn within about 50 s, with the answer or with the message that it
// did not arrive (deploy/README.md, "Time-outs"); the indicator stays that long, not longer.
const TYPING_TIMEOUT_MS = 55000;

class Widget {
  constructor(config) {
    this.config = config;
    this.ui = buildPanel(config);
    this.items = storage.transcript();
    this.elements = new Map();
    this.buffer = [];
    this.flushTimer = null;
    this.typingTimer = null;
    this.transport = null;
    this.greeted = this.items.length > 0;
  }

  mount() {
    const { root, launcher, close, restart, panel, form, textarea } = this.ui;
    root.hidden = true; // until the stylesheet is there, so nothing flashes unstyled
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = this.config.stylesheet;
    const show = () => (root.hidden = false);
    link.addEventListener("load", show);
    link.addEventListener("error", show);
    document.head.append(link);
    document.body.append(root);

    for (const item of this.items) this.append(item, false);

    launcher.addEventListener("click", () => (panel.hidden ? this.open() : this.close()));
    close.addEventListener("click", () => this.close());
    restart.addEventListener("click", () => this.restart());
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
    trapFocus(panel);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.sendTyped();
    });
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendTyped();
      }
    });
    textarea.addEventListener("input", () => this.typed());

    if (this.config.open || storage.wasOpen()) this.open(false);
  }

  // --- opening and closing -------------------------------------------------------

  open(moveFocus = true) {
    const { panel, launcher, textarea, log } = this.ui;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    this.ui.root.classList.add("ww-open");
    storage.setOpen(true);
    this.connect();
    log.scrollTop = log.scrollHeight;
    if (moveFocus) textarea.focus();
  }

  close() {
    const { panel, launcher } = this.ui;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    this.ui.root.classList.remove("ww-open");
    storage.setOpen(false);
    launcher.focus();
  }

  // --- the connection ------------------------------------------------------------

  connect() {
    if (!this.transport) {
      this.transport = new Transport(this.config.server, {
        onStatus: (status) => this.showStatus(status),
        onBotMessage: (data) => this.receive(data),
        onSession: (id) => this.sessionStarted(id),
      });
    }
    // Without a transcript in this tab there is nothing to continue: start afresh.
    this.transport.start(this.items.length ? storage.sessionId() : null);
  }

  sessionStarted(id) {
    storage.setSessionId(id);
    if (!this.greeted) {
      this.greeted = true;
      this.transport.send("/greet");
      this.setTyping(true);
    }
  }

  showStatus(status) {
    const { status: line } = this.ui;
    clearTimeout(this.statusTimer);
    line.textContent = STATUS_TEXT[status];
    line.dataset.status = status;
    if (status === STATUS.TERUG) this.statusTimer = setTimeout(() => (line.textContent = ""), 4000);
  }

  // --- sending -------------------------------------------------------------------

  typed() {
    const { textarea, counter, counterLive } = this.ui;
    const length = textarea.value.length;
    const left = MAX_LENGTH - length;
    counter.textContent = length >= MAX_LENGTH * 0.9 ? `Nog ${left} van ${MAX_LENGTH} tekens over.` : "";
    // Read out only at two moments, not on every key.
    const notice = left <= 0 ? `Je bericht is zo lang als kan: ${MAX_LENGTH} tekens.` : left <= MAX_LENGTH * 0.1 ? "Je bericht is bijna te lang." : "";
    if (notice !== counterLive.textContent) counterLive.textContent = notice;
    textarea.style.height = "auto"; // grow with the text (CSSOM, allowed by the CSP)
    textarea.style.height = `${Math.min(textarea.scrollHeight, 160)}px`;
  }

  sendTyped() {
    const { textarea } = this.ui;
    const value = textarea.value.trim().slice(0, MAX_LENGTH);
    if (!value) return;
    textarea.value = "";
    this.typed();
    this.send(value, value);
  }

  /** Sends `payload`; the transcript shows `shown` (a button's title, not its payload). */
  send(payload, shown) {
    for (const item of this.items) {
      if (item.knoppen && !item.klaar) {
        item.klaar = true;
        disableButtons(this.elements.get(item), item);
      }
    }
    const item = { van: "gebruiker", tekst: shown };
    this.items.push(item);
    this.reveal(this.append(item, true));
    this.save();
    this.setTyping(true);
    this.connect();
    this.transport.send(payload);
  }

  choose(item, knop) {
    if (item.klaar) return;
    item.gekozen = knop.title;
    this.send(knop.payload, knop.title);
    this.ui.textarea.focus(); // the pressed button is now disabled; keep focus in the chat
  }

  // --- receiving -----------------------------------------------------------------

  receive(data) {
    const custom = data && typeof data === "object" ? data.custom || data : null;
    if (custom && custom.type === "gegevens_gewist") this.erased = true;
    this.buffer.push(...normalize(data));
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), QUIET_MS);
  }

  flush() {
    const items = combine(this.buffer);
    this.buffer = [];
    if (this.erased) this.forget();
    if (!items.length) return;
    this.setTyping(false);
    let first = null;
    for (const item of items) {
      this.items.push(item);
      const element = this.append(item, true);
      first = first || element;
    }
    this.save();
    this.reveal(first);
  }

  setTyping(on) {
    const { typing } = this.ui;
    clearTimeout(this.typingTimer);
    typing.textContent = on ? "De Wegwijzer typt…" : "";
    typing.classList.toggle("ww-bezig", on);
    if (on) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
  }

  // --- the transcript ------------------------------------------------------------

  append(item, live) {
    const element = renderItem(item, {
      live,
      onChoose: (it, knop) => this.choose(it, knop),
      onPrint: (it) => printItem(it, this.config.titel),
    });
    this.elements.set(item, element);
    this.ui.log.append(element);
    return element;
  }

  reveal(element) {
    if (element && !this.ui.panel.hidden) reveal(this.ui.log, element);
  }

  save() {
    storage.saveTranscript(this.items);
  }

  /**
   * "Verwijder mijn gegevens": the server erased the conversation, so the browser
   * forgets what it showed too (sessionStorage and the screen). The confirmation of
   * this turn is shown after it; the conversation goes on in the same session.
   */
  forget() {
    this.erased = false;
    this.items = [];
    this.elements.clear();
    this.ui.log.replaceChildren();
    storage.clearTranscript();
  }

  /** "Opnieuw beginnen": the server forgets (/restart), the browser forgets, a new session. */
  restart() {
    clearTimeout(this.flushTimer);
    this.buffer = [];
    this.items = [];
    this.elements.clear();
    this.ui.log.replaceChildren();
    storage.clear();
    this.greeted = false;
    if (this.transport) this.transport.newSession("/restart");
    else this.connect();
    this.setTyping(true);
    this.ui.textarea.focus();
  }
}

function boot() {
  if (document.getElementById("wegwijzer")) return; // included twice
  new Widget(readConfig(script)).mount();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
