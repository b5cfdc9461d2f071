/**
 * What the widget keeps in the browser, and nothing more.
 *
 * - localStorage `wegwijzer.sessie`: the conversation id, so a reload continues the
 *   same conversation on the server (Rasa's socket.io session persistence).
 * - sessionStorage `wegwijzer.gesprek`: the messages as they were shown, so a reload
 *   shows them again. sessionStorage ends with the tab: closing the tab forgets the
 *   conversation. Without a transcript the widget starts a new conversation, so an
 *   old id alone never resumes a conversation the user can no longer see.
 * - sessionStorage `wegwijzer.open`: whether the panel was open.
 *
 * Storage can be off (private mode, blocked cookies): every call then degrades to
 * "nothing stored" instead of breaking the chat.
 */

const SESSIE = "wegwijzer.sessie";
const GESPREK = "wegwijzer.gesprek";
const OPEN = "wegwijzer.open";
const MAX_BERICHTEN = 300;

function get(store, key) {
  try {
    return window[store].getItem(key);
  } catch (_) {
    return null;
  }
}

function set(store, key, value) {
  try {
    if (value === null) window[store].removeItem(key);
    else window[store].setItem(key, value);
  } catch (_) {
    /* storage full or disabled: the chat still works, only without memory */
  }
}

export const storage = {
  sessionId: () => get("localStorage", SESSIE),
  setSessionId: (id) => set("localStorage", SESSIE, id),

  /** The transcript: a list of plain objects (see render.js), never HTML. */
  transcript() {
    try {
      const items = JSON.parse(get("sessionStorage", GESPREK) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (_) {
      return [];
    }
  },
  saveTranscript(items) {
    set("sessionStorage", GESPREK, JSON.stringify(items.slice(-MAX_BERICHTEN)));
  },

  wasOpen: () => get("sessionStorage", OPEN) === "1",
  setOpen: (open) => set("sessionStorage", OPEN, open ? "1" : null),

  /** "Verwijder mijn gegevens": the shown messages go, the conversation id stays. */
  clearTranscript() {
    set("sessionStorage", GESPREK, null);
  },

  /** "Opnieuw beginnen": forget everything this widget stored. */
  clear() {
    set("localStorage", SESSIE, null);
    set("sessionStorage", GESPREK, null);
  },
};
