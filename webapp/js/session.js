// The anonymous session: a UUID v4 kept in localStorage and sent as X-Session-Id on every call.

const STORAGE_KEY = "cogentx.session_id";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const SESSION_HEADER = "X-Session-Id";

export function isSessionId(value) {
  return typeof value === "string" && UUID_V4.test(value);
}

/** Holds the session id; listeners hear when it changes (adopted from the server, or a new session). */
export class Session {
  #id;
  #listeners = new Set();

  constructor(storage = window.localStorage) {
    this.storage = storage;
    const stored = safeGet(storage, STORAGE_KEY);
    this.#id = isSessionId(stored) ? stored.toLowerCase() : this.#store(crypto.randomUUID());
  }

  get id() {
    return this.#id;
  }

  /** Takes the id the server answered with (its canonical form, or a fresh one it issued). */
  adopt(id) {
    if (!isSessionId(id)) return;
    const canonical = id.toLowerCase();
    if (canonical !== this.#id) {
      this.#id = this.#store(canonical);
      this.#notify();
    }
  }

  /** Starts over with a new random id; the old session's data stays until it expires or is deleted. */
  renew() {
    this.#id = this.#store(crypto.randomUUID());
    this.#notify();
    return this.#id;
  }

  /** Goes back to an earlier session of this browser (its data is on the server until it expires). */
  switchTo(id) {
    if (!isSessionId(id)) return this.#id;
    this.#id = this.#store(id.toLowerCase());
    this.#notify();
    return this.#id;
  }

  onChange(listener) {
    this.#listeners.add(listener);
  }

  #store(id) {
    try {
      this.storage.setItem(STORAGE_KEY, id);
    } catch {
      // private mode or storage disabled: the id lives for this page only
    }
    return id;
  }

  #notify() {
    for (const listener of this.#listeners) listener(this.#id);
  }
}

function safeGet(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
