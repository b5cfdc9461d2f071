/**
 * The widget's fixed markup: the launcher button and the chat panel.
 *
 * Every control has a visible label or an aria-label; the conversation is a
 * role="log" region (polite live region: new messages are read out); the connection
 * state and the typing indicator are role="status". Ids are prefixed `ww-` to stay
 * clear of the host page.
 */
import { el, icon, ICONS } from "./dom.js";

export const MAX_LENGTH = 2000;

export const PRIVACY =
  "Typ geen namen of andere gegevens van kinderen of gezinnen. " +
  "Het gesprek blijft alleen in dit tabblad bewaard, tot je het sluit.";

export function buildPanel(config) {
  const launcher = el(
    "button",
    { class: "ww-launcher", attrs: { type: "button", "aria-expanded": "false", "aria-controls": "ww-paneel" } },
    icon(ICONS.chat),
    el("span", { text: "Chat met de Wegwijzer" }),
  );

  const restart = el("button", { class: "ww-opnieuw", text: "Opnieuw beginnen", attrs: { type: "button" } });
  const close = el(
    "button",
    { class: "ww-sluit", attrs: { type: "button", "aria-label": "Sluit de chat", title: "Sluit de chat" } },
    icon(ICONS.sluit),
  );
  const header = el(
    "div",
    { class: "ww-kop" },
    el(
      "div",
      { class: "ww-kop-tekst" },
      el("h2", { class: "ww-titel", text: config.titel, attrs: { id: "ww-titel" } }),
      el("p", { class: "ww-ondertitel", text: "Chatbot van AlleKansenBenut!" }),
    ),
    restart,
    close,
  );

  const status = el("p", { class: "ww-status", attrs: { role: "status", id: "ww-status" } });
  const log = el("div", {
    class: "ww-log",
    attrs: { role: "log", "aria-label": "Gesprek met de Wegwijzer", tabindex: "0", id: "ww-gesprek" },
  });
  const typing = el("p", { class: "ww-typt", attrs: { role: "status" } });

  const textarea = el("textarea", {
    class: "ww-vraag",
    attrs: {
      id: "ww-vraag",
      rows: "1",
      maxlength: String(MAX_LENGTH),
      autocomplete: "off",
      "aria-describedby": "ww-teller ww-privacy",
      enterkeyhint: "send",
    },
  });
  const send = el(
    "button",
    { class: "ww-verstuur", attrs: { type: "submit" } },
    icon(ICONS.verstuur),
    el("span", { text: "Verstuur" }),
  );
  const counter = el("p", { class: "ww-teller", attrs: { id: "ww-teller" } });
  const counterLive = el("p", { class: "ww-sr", attrs: { "aria-live": "polite" } });
  const form = el(
    "form",
    { class: "ww-invoer", attrs: { novalidate: true } },
    el("label", { class: "ww-label-vraag", text: "Stel je vraag", attrs: { for: "ww-vraag" } }),
    el("div", { class: "ww-invoer-rij" }, textarea, send),
    counter,
    counterLive,
    el("p", { class: "ww-privacy", text: PRIVACY, attrs: { id: "ww-privacy" } }),
  );

  const panel = el(
    "div",
    { class: "ww-paneel", attrs: { id: "ww-paneel", role: "dialog", "aria-labelledby": "ww-titel", hidden: true } },
    header,
    status,
    log,
    typing,
    form,
  );

  const root = el("div", { class: "ww-widget", attrs: { id: "wegwijzer", lang: "nl" } }, panel, launcher);
  root.style.setProperty("--ww-kleur", config.kleur); // CSSOM: allowed under style-src 'self'

  return { root, launcher, panel, restart, close, status, log, typing, form, textarea, send, counter, counterLive };
}
