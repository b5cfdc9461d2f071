/**
 * The connection to Rasa's socket.io channel (rasa/core/channels/socketio.py).
 *
 * Rasa's protocol, with `session_persistence: true` in credentials.yml:
 *   client → `session_request` {session_id}   server joins this socket to the room
 *   server → `session_confirm` "<session_id>"    (a new uuid when we sent null)
 *   client → `user_uttered` {message, session_id}
 *   server → `bot_uttered` {text}, {text, quick_replies}, {attachment}, or a custom payload
 *
 * The room is tied to the socket, so after every (re)connect the session is requested
 * again, and user messages wait in our own queue until it is confirmed: socket.io's
 * built-in send buffer would flush them before the new socket had joined the room,
 * and the answers would go nowhere.
 */
import { io } from "socket.io-client";

export const STATUS = {
  VERBINDEN: "verbinden", // first connection
  VERBONDEN: "verbonden",
  WEG: "weg", // lost; socket.io retries with backoff
  TERUG: "terug", // connected again after a loss
};

export class Transport {
  /**
   * @param {string} server  origin of the Rasa server
   * @param {{onStatus: Function, onBotMessage: Function, onSession: Function}} handlers
   */
  constructor(server, handlers) {
    this.handlers = handlers;
    this.sessionId = null;
    this.confirmed = false;
    this.queue = [];
    this.everConnected = false;
    this.lost = false;
    this.socket = io(server, {
      path: "/socket.io",
      autoConnect: false,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 10000,
    });
    this.socket.on("connect", () => this.requestSession());
    this.socket.on("session_confirm", (id) => this.confirm(id));
    this.socket.on("bot_uttered", (data) => this.handlers.onBotMessage(data));
    this.socket.on("disconnect", (reason) => this.disconnected(reason));
    this.socket.on("connect_error", () => this.setLost());
  }

  /** Connects (once) and continues `sessionId`, or starts a new session when it is null. */
  start(sessionId) {
    if (this.socket.active) return; // connected, or socket.io is already retrying
    this.sessionId = sessionId;
    this.handlers.onStatus(STATUS.VERBINDEN);
    this.socket.connect();
  }

  requestSession() {
    this.confirmed = false;
    this.socket.emit("session_request", { session_id: this.sessionId });
  }

  confirm(id) {
    if (typeof id !== "string" || !id) return;
    const isNew = id !== this.sessionId;
    this.sessionId = id;
    this.confirmed = true;
    this.handlers.onSession(id, isNew);
    this.handlers.onStatus(this.lost ? STATUS.TERUG : STATUS.VERBONDEN);
    this.lost = false;
    this.everConnected = true;
    this.flush();
  }

  disconnected(reason) {
    this.confirmed = false;
    if (reason === "io client disconnect") return; // we closed it ourselves
    this.setLost();
    // The server closed the socket on purpose: socket.io does not retry that by itself.
    if (reason === "io server disconnect") this.socket.connect();
  }

  setLost() {
    this.lost = true;
    this.handlers.onStatus(this.everConnected ? STATUS.WEG : STATUS.VERBINDEN);
  }

  /** Sends a user message now, or as soon as the session is confirmed. */
  send(message) {
    this.queue.push(message);
    this.flush();
  }

  flush() {
    while (this.confirmed && this.socket.connected && this.queue.length) {
      this.socket.emit("user_uttered", { message: this.queue.shift(), session_id: this.sessionId });
    }
  }

  get connected() {
    return this.confirmed && this.socket.connected;
  }

  /**
   * Leaves the old conversation's room by reconnecting, then asks for a new session.
   * `lastWords` (e.g. "/restart") is sent to the old session first, so the server
   * forgets its slots too.
   */
  newSession(lastWords) {
    if (lastWords && this.connected) {
      this.socket.emit("user_uttered", { message: lastWords, session_id: this.sessionId });
    }
    this.queue = [];
    this.sessionId = null;
    this.confirmed = false;
    this.socket.disconnect();
    this.socket.connect();
  }
}
