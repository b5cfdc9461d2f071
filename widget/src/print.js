/**
 * "Print of bewaar dit advies": a clean summary of one card to print or save as PDF.
 *
 * The summary is built in a container outside the widget; the print stylesheet in
 * wegwijzer.css hides the rest of the page while <html> has the class
 * `ww-print-bezig`, so only the advice is printed, unfolded, with the link addresses
 * written out and the date it was given. Nothing leaves the browser.
 */
import { CARD_TYPES } from "./cards.js";
import { el } from "./dom.js";

const DISCLAIMER =
  "Dit advies komt van de Wegwijzer Jeugdzorg, een chatbot van AlleKansenBenut! (Jeugdzorg werkt!). " +
  "Het is geen juridisch advies. Twijfel je? Vraag dan in de chat naar het deskundigenteam.";

function summary(item, titel) {
  const build = CARD_TYPES[item.kaart.type];
  const date = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  return el(
    "div",
    { class: "ww-afdruk-inhoud" },
    el("h1", { text: titel }),
    el("p", { class: "ww-afdruk-datum", text: `Gemaakt op ${date}` }),
    build(item.kaart, { text: item.tekst, forPrint: true }),
    el("p", { class: "ww-afdruk-voet", text: DISCLAIMER }),
  );
}

let container = null;

/** Shows the print dialog for `item`'s card; the summary stays ready until printing ends. */
export function printItem(item, titel) {
  if (!container) {
    container = el("div", { class: "ww-afdruk", attrs: { "aria-hidden": "true" } });
    document.body.append(container);
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("ww-print-bezig"));
  }
  container.replaceChildren(summary(item, titel));
  document.documentElement.classList.add("ww-print-bezig");
  window.print();
}
