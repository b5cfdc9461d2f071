/**
 * Safe text with clickable links.
 *
 * Bot and user text is never parsed as HTML. The text is split into plain parts
 * (text nodes) and link parts (<a> elements built with createElement), so markup in
 * a message is shown literally. Only http(s), mailto and tel links are made; a link
 * the URL parser does not accept, or with any other scheme (javascript:, data:,
 * vbscript:), stays plain text.
 */

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

// One alternation, tried left to right: full URLs, bare www. addresses, e-mail addresses.
const LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"']*)?|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const TRAILING = /[.,;:!?)\]'"]+$/;

/** Returns a safe href for a user-visible link text, or null. */
export function safeHref(raw) {
  let candidate = raw;
  if (/^www\./i.test(raw)) candidate = `https://${raw}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && raw.includes("@")) candidate = `mailto:${raw}`;
  try {
    const url = new URL(candidate);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch (_) {
    return null;
  }
}

/** A link that opens outside the chat; the screen-reader text says so. */
export function makeLink(href, label) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = label;
  if (href.startsWith("http")) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    const hint = document.createElement("span");
    hint.className = "ww-sr";
    hint.textContent = " (opent in een nieuw venster)";
    a.append(hint);
  }
  return a;
}

/** Splits `text` into text nodes and safe links, appended to `parent`. */
export function appendText(parent, text) {
  const value = String(text ?? "");
  let last = 0;
  for (const match of value.matchAll(LINK)) {
    let label = match[0];
    const trailing = label.match(TRAILING);
    if (trailing) label = label.slice(0, -trailing[0].length);
    const href = label && safeHref(label);
    if (!href) continue;
    parent.append(document.createTextNode(value.slice(last, match.index)));
    parent.append(makeLink(href, label));
    last = match.index + label.length;
  }
  parent.append(document.createTextNode(value.slice(last)));
  return parent;
}
