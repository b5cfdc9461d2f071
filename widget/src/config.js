/**
 * Configuration from the script tag's data- attributes.
 *
 * Why data- attributes: the programme site runs under a strict Content Security
 * Policy without 'unsafe-inline', so an inline `<script>window.config = …</script>`
 * is not allowed. Everything the embedding page can set lives on the tag itself:
 *
 *   <script src="/widget/wegwijzer.js" data-server="https://chat.example.nl"
 *           data-titel="Wegwijzer Jeugdzorg" data-kleur="#00606b" data-open="false" defer></script>
 */

const STANDAARD = {
  server: "",
  titel: "Wegwijzer Jeugdzorg",
  kleur: "#00606b",
  open: false,
};

/** Relative luminance (WCAG 2.1) of a #rrggbb colour. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between a colour and white, the text colour on the widget's brand colour. */
function contrastWithWhite(hex) {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * Only a #rrggbb colour dark enough for white text (AA: 4.5:1) is accepted, so a
 * site cannot configure the widget out of WCAG compliance by accident.
 */
function colour(value) {
  if (!/^#[0-9a-fA-F]{6}$/.test(value || "")) return STANDAARD.kleur;
  if (contrastWithWhite(value) < 4.5) {
    console.warn(`Wegwijzer: kleur ${value} geeft te weinig contrast met witte tekst; standaardkleur gebruikt.`);
    return STANDAARD.kleur;
  }
  return value;
}

/** The server must be an http(s) origin; anything else (javascript:, data:) is refused. */
function serverUrl(value, fallback) {
  try {
    const url = new URL(value || fallback);
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  } catch (_) {
    /* falls through */
  }
  return new URL(fallback).origin;
}

/**
 * Reads the configuration from the <script> element that loaded the widget.
 * `script` is document.currentScript, captured at load time (it is null later).
 */
export function readConfig(script) {
  const data = (script && script.dataset) || {};
  const scriptUrl = script && script.src ? new URL(script.src, document.baseURI) : new URL(document.baseURI);
  return {
    server: serverUrl(data.server, window.location.origin),
    titel: (data.titel || STANDAARD.titel).slice(0, 80),
    kleur: colour(data.kleur),
    open: data.open === "true",
    // The stylesheet sits next to the script (style-src 'self' allows it).
    stylesheet: new URL("wegwijzer.css", scriptUrl).href,
  };
}
