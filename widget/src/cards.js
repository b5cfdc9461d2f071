/**
 * Cards for the assistant's custom payloads (shapes in README.md).
 *
 * The assistant sends every advice twice: as plain text (for channels without cards,
 * e.g. REST or the terminal) and as a custom payload. The widget shows the payload as
 * a card and leaves out the text it repeats (see render.js): the verdict or phase on
 * top, what to do as a list, the reasons and sources folded away in <details>.
 *
 * Every card can also be built `forPrint`: the same content with everything unfolded
 * and link addresses written out, for the "print / bewaar dit advies" summary.
 */
import { el, foldable, icon, ICONS, list } from "./dom.js";
import { makeLink, safeHref } from "./linkify.js";

let counter = 0;
const nextId = (prefix) => `${prefix}-${++counter}`;

const VERDICT_LABEL = {
  geregistreerd_vereist: "Registratie nodig",
  niet_geregistreerd_toegestaan: "Mag zonder registratie",
  onder_verantwoordelijkheid: "Onder verantwoordelijkheid",
  tenzij_mogelijk: "Tenzij-bepaling",
  deskundigenteam: "Overleg nodig",
};

const FASEN = [
  ["bekwaam", "Bekwaam"],
  ["op_weg_naar_bevoegd", "Op weg naar bevoegd"],
  ["bevoegd", "Bevoegd"],
];

const strings = (items) => (Array.isArray(items) ? items.filter((x) => typeof x === "string" && x) : []);
const objects = (items) => (Array.isArray(items) ? items.filter((x) => x && typeof x === "object") : []);

function sources(bronnen, forPrint) {
  const items = objects(bronnen).map((bron) => {
    const li = el("li", { text: `${bron.titel || "Bron"}${bron.jaar ? ` (${bron.jaar})` : ""}` });
    // `plaats` is the short place a user may read; the rule data's raw `plek` (line keys,
    // rule and section numbers) is never shown, also not from an older stored payload.
    if (typeof bron.plaats === "string" && bron.plaats) li.append(`, ${bron.plaats}`);
    const href = typeof bron.url === "string" ? safeHref(bron.url) : null;
    if (href && href.startsWith("http")) {
      li.append(" ");
      li.append(forPrint ? el("span", { class: "ww-url", text: href }) : makeLink(href, "bekijk bron"));
    }
    return li;
  });
  return items.length ? el("ul", { class: "ww-bronnen" }, ...items) : null;
}

function printButton(label, onPrint) {
  if (!onPrint) return null;
  const button = el("button", { class: "ww-knop-print", attrs: { type: "button" } }, icon(ICONS.print), el("span", { text: label }));
  button.addEventListener("click", onPrint);
  return el("div", { class: "ww-kaart-acties" }, button);
}

function frame(kind, label, heading, forPrint, ...content) {
  const id = nextId("ww-kaart");
  return el(
    forPrint ? "section" : "article",
    { class: `ww-kaart ww-kaart-${kind}`, attrs: { "aria-labelledby": forPrint ? null : id } },
    el("p", { class: "ww-kaart-soort", text: label }),
    el("h3", { class: "ww-kaart-kop", text: heading, attrs: { id } }),
    ...content,
  );
}

function subheading(text) {
  return el("h4", { class: "ww-tussenkop", text });
}

export function werktoedelingCard(p, { forPrint, onPrint } = {}) {
  const verdict = VERDICT_LABEL[p.verdict] ? p.verdict : "deskundigenteam";
  const indicatoren = objects(p.indicatoren).map((i) => {
    if (i.antwoord === "weet_niet") return `Je wist niet zeker of er sprake is van ${i.naam}. Dan ga ik ervan uit dat dit speelt.`;
    const signalen = strings(i.signalen);
    return `Dit speelt: ${i.naam}${signalen.length ? ` (${signalen.join(", ")})` : ""}.`;
  });
  const voorwaarden = strings(p.voorwaarden);
  return frame(
    "werktoedeling",
    "Advies: wie mag deze taak doen?",
    p.kop || VERDICT_LABEL[verdict],
    forPrint,
    el("p", { class: `ww-label ww-label-${verdict}`, text: VERDICT_LABEL[verdict] }),
    p.onzeker
      ? el("p", { class: "ww-let-op", text: "Je wist niet alles zeker. Twijfel je? Overleg met het deskundigenteam van AlleKansenBenut!." })
      : null,
    voorwaarden.length ? subheading("Voorwaarden") : null,
    list(voorwaarden),
    ...strings(p.notities).map((n) => el("p", { class: "ww-notitie", text: `Let op: ${n}`, linkify: true })),
    foldable(
      "Waarom dit advies?",
      forPrint,
      p.waarom ? el("p", { text: p.waarom, linkify: true }) : null,
      list(indicatoren),
    ),
    foldable("Bronnen", forPrint, sources(p.bronnen, forPrint)),
    printButton("Print of bewaar dit advies", !forPrint && onPrint),
  );
}

function phases(current, forPrint) {
  if (forPrint) return null;
  return el(
    "ol",
    { class: "ww-fasen", attrs: { "aria-label": "De drie fasen" } },
    ...FASEN.map(([id, naam]) =>
      el("li", { class: id === current ? "ww-fase-nu" : "", attrs: { "aria-current": id === current ? "step" : null } }, el("span", { text: naam })),
    ),
  );
}

function routeItems(routes) {
  const items = objects(routes).map((r) => {
    const facts = [r.duur && `Duur: ${r.duur}`, r.kosten && `Kosten: ${r.kosten}`].filter(Boolean).join(" · ");
    return el(
      "li",
      {},
      el("strong", { text: r.naam || "" }),
      r.wat ? el("span", { text: ` ${r.wat}`, linkify: true }) : null,
      facts ? el("span", { class: "ww-feiten", text: facts }) : null,
    );
  });
  return items.length ? el("ul", { class: "ww-routes" }, ...items) : null;
}

export function routeCard(p, { forPrint, onPrint } = {}) {
  const stappen = strings(p.stappen);
  const routes = routeItems(p.routes);
  return frame(
    "route",
    "Jouw route naar werk in de jeugdzorg",
    `Jouw fase: ${p.fase_naam || ""}`,
    forPrint,
    phases(p.fase, forPrint),
    p.fase_zin ? el("p", { class: "ww-fase-zin", text: p.fase_zin, linkify: true }) : null,
    p.deskundigenteam
      ? el("p", { class: "ww-let-op", text: "Jouw situatie is bijzonder. Overleg met het deskundigenteam van AlleKansenBenut! wat voor jou de beste weg is." })
      : null,
    stappen.length ? subheading("Wat kun je deze week doen?") : null,
    list(stappen, true, "ww-stappen"),
    routes ? subheading("Routes die bij jou passen") : null,
    routes,
    foldable("Werk dat je nu al kunt doen, zonder registratie", forPrint, list(strings(p.functies))),
    foldable("Waarom dit advies?", forPrint, p.waarom ? el("p", { text: p.waarom, linkify: true }) : null),
    foldable("Bronnen", forPrint, sources(p.bronnen, forPrint)),
    printButton("Print of bewaar dit advies", !forPrint && onPrint),
  );
}

export function overdrachtCard(p, { text, forPrint, onPrint } = {}) {
  const reference = typeof p.referentie === "string" ? p.referentie : null;
  const queued = p.status === "in_wachtrij" || !reference;
  return frame(
    "overdracht",
    "Deskundigenteam AlleKansenBenut!",
    queued ? "Je vraag wacht nog even" : "Je vraag is doorgestuurd",
    forPrint,
    reference ? el("p", { class: "ww-referentie" }, el("span", { text: "Je referentie: " }), el("strong", { text: reference })) : null,
    text ? el("p", { class: "ww-kaart-tekst", text, linkify: true }) : null,
    printButton("Print of bewaar je referentie", !forPrint && reference && onPrint),
  );
}

function telHref(number) {
  const digits = String(number || "").replace(/[^0-9+]/g, "");
  return digits ? `tel:${digits}` : null;
}

/**
 * The crisis message must not be missed: a red block with the numbers as large
 * links that call on a phone. New crisis cards are role="alert" (read at once);
 * restored ones after a reload are not, so a reload does not shout it again.
 */
export function crisisCard(p, { text, live } = {}) {
  const lines = String(text || "").split("\n").map((l) => l.trim()).filter(Boolean);
  const heading = lines.shift() || "Is een kind in gevaar?";
  const numbers = objects(p.nummers).map((n) => {
    const href = telHref(n.telefoon);
    const label = el("span", { text: `Bel ${n.naam ? `${n.naam}: ` : ""}` }, el("span", { class: "ww-nummer", text: n.telefoon }));
    return el(
      "li",
      {},
      href ? el("a", { class: "ww-bel", attrs: { href } }, icon(ICONS.telefoon), label) : el("strong", {}, label),
      n.wanneer ? el("span", { class: "ww-wanneer", text: n.wanneer }) : null,
    );
  });
  return el(
    "div",
    { class: "ww-kaart ww-kaart-crisis", attrs: { role: live ? "alert" : null } },
    el("p", { class: "ww-crisis-kop", text: heading }),
    ...lines.map((line) => el("p", { text: line, linkify: true })),
    numbers.length ? el("ul", { class: "ww-nummers" }, ...numbers) : null,
  );
}

export const CARD_TYPES = {
  werktoedeling_advies: werktoedelingCard,
  route_advies: routeCard,
  overdracht: overdrachtCard,
  crisis: crisisCard,
};

/** Which preceding bot texts a card repeats, so render.js can leave them out. */
export function repeatsText(payload, text) {
  const value = String(text || "");
  switch (payload.type) {
    case "werktoedeling_advies":
      return Boolean(payload.kop) && value.startsWith(payload.kop);
    case "route_advies":
      return value.startsWith("Jouw fase:");
    case "crisis":
      return objects(payload.nummers).length > 0 && objects(payload.nummers).every((n) => value.includes(String(n.telefoon)));
    case "overdracht":
      return payload.referentie ? value.includes(payload.referentie) : /deskundigenteam|opslaan|bewaard/.test(value);
    default:
      return false;
  }
}
