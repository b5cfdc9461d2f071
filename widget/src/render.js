/**
 * From Rasa's socket.io messages to transcript items, and from items to elements.
 *
 * A transcript item is a plain object, stored as JSON in sessionStorage and rendered
 * the same way live and after a reload:
 *   {van: "gebruiker", tekst}
 *   {van: "bot", tekst, knoppen?: [{title, payload}], gekozen?: title, klaar?: true}
 *   {van: "bot", kaart: {type, …}, tekst?: the text the card replaces, knoppen?, …}
 *   {van: "bot", link: {href, label}}            (an attachment)
 */
import { CARD_TYPES, repeatsText } from "./cards.js";
import { el } from "./dom.js";
import { makeLink, safeHref } from "./linkify.js";

const text = (value) => (typeof value === "string" ? value : "");

function buttons(list) {
  if (!Array.isArray(list)) return undefined;
  const result = list
    .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
    .map((b) => ({ title: b.title, payload: b.payload }));
  return result.length ? result : undefined;
}

function customItems(payload) {
  if (payload && typeof payload === "object" && CARD_TYPES[payload.type]) return [{ van: "bot", kaart: payload }];
  return []; // a custom payload this widget does not know: nothing to show
}

function attachmentItems(attachment) {
  if (!attachment || typeof attachment !== "object") return [];
  const payload = attachment.payload || {};
  if (attachment.type === "image") {
    // Images are shown as a link: the page's CSP (img-src 'self') would block other origins.
    const href = safeHref(text(payload.src));
    return href && href.startsWith("http") ? [{ van: "bot", link: { href, label: "Bekijk de afbeelding" } }] : [];
  }
  if (attachment.type === "template" && payload.elements) {
    const elements = Array.isArray(payload.elements) ? payload.elements : [payload.elements];
    return elements
      .filter((e) => e && typeof e === "object")
      .map((e) => ({
        van: "bot",
        tekst: [text(e.title), text(e.subtitle)].filter(Boolean).join("\n"),
        knoppen: buttons(e.buttons),
      }));
  }
  return [];
}

/**
 * Everything Rasa's SocketIOOutput emits as `bot_uttered`: text, text with
 * quick_replies (buttons), attachments, and custom payloads, either bare (emitted as
 * the event's data) or wrapped as {custom: …} the way the REST channel returns them.
 */
export function normalize(data) {
  if (!data || typeof data !== "object") return [];
  const items = [];
  if (text(data.text)) items.push({ van: "bot", tekst: data.text, knoppen: buttons(data.quick_replies || data.buttons) });
  if (data.custom) items.push(...customItems(data.custom));
  else if (data.type) items.push(...customItems(data));
  items.push(...attachmentItems(data.attachment));
  return items;
}

/**
 * Lets each card take the place of the text it repeats. Rasa splits a text at blank
 * lines into several messages and sends the card right after them, so the card
 * absorbs the run of texts that starts with its own first line, and their buttons.
 */
export function combine(items) {
  const result = [];
  for (const item of items) {
    if (!item.kaart) {
      result.push(item);
      continue;
    }
    let start = result.length;
    for (let i = result.length - 1; i >= 0 && result[i].tekst !== undefined && !result[i].kaart; i--) {
      if (repeatsText(item.kaart, result[i].tekst)) {
        start = i;
        break;
      }
    }
    const absorbed = result.splice(start);
    const knoppen = absorbed.flatMap((a) => a.knoppen || []);
    result.push({
      ...item,
      tekst: absorbed.length ? absorbed.map((a) => a.tekst).join("\n\n") : undefined,
      knoppen: knoppen.length ? knoppen : undefined,
    });
  }
  return result;
}

/** What a screen reader hears for a new item, and what a print summary is made of. */
export function plainText(item) {
  if (item.kaart) {
    const k = item.kaart;
    if (k.type === "werktoedeling_advies") return `Advies: ${k.kop || ""}`;
    if (k.type === "route_advies") return `Advies. Jouw fase: ${k.fase_naam || ""}. ${k.fase_zin || ""}`;
    if (k.type === "overdracht") return item.tekst || "Je vraag is doorgestuurd naar het deskundigenteam.";
    return item.tekst || "";
  }
  if (item.link) return item.link.label;
  return item.tekst || "";
}

/**
 * Renders one item. `ctx.onChoose(item, button)` handles a button, `ctx.onPrint(item)`
 * the print action of a card, `ctx.live` is true for new (not restored) items.
 */
export function renderItem(item, ctx) {
  const fromBot = item.van === "bot";
  const wrapper = el("div", { class: `ww-bericht ww-van-${fromBot ? "bot" : "gebruiker"}` });
  wrapper.append(el("span", { class: "ww-sr", text: fromBot ? "Wegwijzer: " : "Jij: " }));
  if (item.kaart) {
    const build = CARD_TYPES[item.kaart.type];
    wrapper.classList.add("ww-met-kaart");
    wrapper.append(build(item.kaart, { text: item.tekst, live: ctx.live, onPrint: () => ctx.onPrint(item) }));
  } else if (item.link) {
    wrapper.append(el("p", { class: "ww-ballon" }, makeLink(item.link.href, item.link.label)));
  } else {
    wrapper.append(el("p", { class: "ww-ballon", text: item.tekst, linkify: true }));
  }
  if (item.knoppen) wrapper.append(renderButtons(item, ctx));
  return wrapper;
}

function renderButtons(item, ctx) {
  const group = el("div", { class: "ww-knoppen", attrs: { role: "group", "aria-label": "Kies een antwoord" } });
  for (const knop of item.knoppen) {
    const chosen = item.gekozen === knop.title;
    const button = el("button", {
      class: `ww-keuze${chosen ? " ww-gekozen" : ""}`,
      text: knop.title,
      attrs: { type: "button", disabled: Boolean(item.klaar), "aria-pressed": item.klaar ? String(chosen) : null },
    });
    button.addEventListener("click", () => ctx.onChoose(item, knop));
    group.append(button);
  }
  return group;
}

/** Disables the buttons of an item in place (after a choice or a typed answer). */
export function disableButtons(element, item) {
  for (const button of element.querySelectorAll(".ww-keuze")) {
    const chosen = button.textContent === item.gekozen;
    button.disabled = true;
    button.setAttribute("aria-pressed", String(chosen));
    if (chosen) button.classList.add("ww-gekozen");
  }
}
