/**
 * Accessibility helpers that need script (the rest is in the markup and the CSS).
 *
 * - The panel is a non-modal dialog next to the page. Where it covers the whole
 *   screen (phones, zoom 200 %), the page behind it is invisible, so Tab must not
 *   wander there: then the dialog is modal (aria-modal) and Tab cycles inside it.
 * - Motion (smooth scrolling, the typing dots) follows prefers-reduced-motion.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Same breakpoints as the full-screen layout in wegwijzer.css. */
const FULL_SCREEN = "(max-width: 480px), (max-height: 500px)";

export function coversScreen() {
  return window.matchMedia(FULL_SCREEN).matches;
}

export function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function visible(element) {
  return element.getClientRects().length > 0;
}

/** Keeps Tab inside `panel` while it covers the screen; updates aria-modal to match. */
export function trapFocus(panel) {
  const update = () => panel.setAttribute("aria-modal", String(coversScreen()));
  update();
  window.matchMedia(FULL_SCREEN).addEventListener?.("change", update);
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || !coversScreen()) return;
    const items = [...panel.querySelectorAll(FOCUSABLE)].filter(visible);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
}

/**
 * Scrolls the log so the first new message is visible. When the new messages are
 * taller than the log (a long advice card), they are shown from their start;
 * otherwise the log scrolls to the end. `log` is position: relative (wegwijzer.css),
 * so offsetTop is measured from the log itself.
 */
export function reveal(log, firstNew) {
  const top = Math.max(0, firstNew.offsetTop - 8);
  const target = log.scrollHeight - top > log.clientHeight ? top : log.scrollHeight;
  const behavior = reducedMotion() ? "auto" : "smooth";
  if (typeof log.scrollTo === "function") log.scrollTo({ top: target, behavior });
  else log.scrollTop = target;
}
