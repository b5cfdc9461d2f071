/**
 * A tiny element builder. All text goes in through textContent or appendText (safe
 * links), never through innerHTML, so nothing a bot or user types can become markup.
 */
import { appendText } from "./linkify.js";

/**
 * el("p", {class: "x", text: "hoi", attrs: {id: "a"}}, child, …)
 * `text` is set as text; `linkify: true` makes http(s) links and e-mail addresses clickable.
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  for (const [name, value] of Object.entries(options.attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  if (options.text !== undefined && options.text !== null) {
    if (options.linkify) appendText(node, options.text);
    else node.textContent = String(options.text);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** An SVG icon; decorative (aria-hidden), drawn from a fixed path, no markup strings. */
export function icon(pathData) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "ww-icoon");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", pathData);
  svg.append(path);
  return svg;
}

export const ICONS = {
  chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
  sluit: "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z",
  verstuur: "M3 20.5 21 12 3 3.5 3 10l12 2-12 2z",
  telefoon: "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z",
  print: "M7 3h10v4H7zM5 8h14a2 2 0 0 1 2 2v6h-4v4H7v-4H3v-6a2 2 0 0 1 2-2zm4 7v3h6v-3z",
};

/** A list (<ul> or <ol>) of text items; empty lists are left out. */
export function list(items, ordered = false, className = "") {
  if (!items || !items.length) return null;
  return el(ordered ? "ol" : "ul", { class: className }, ...items.map((item) => el("li", { text: item, linkify: true })));
}

/** A foldable section: <details> on screen, an open section with a heading in print. */
export function foldable(summary, forPrint, ...content) {
  const body = content.filter(Boolean);
  if (!body.length) return null;
  if (forPrint) return el("section", { class: "ww-afdruk-deel" }, el("h3", { text: summary }), ...body);
  return el("details", { class: "ww-uitklap" }, el("summary", { text: summary }), el("div", {}, ...body));
}
