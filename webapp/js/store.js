// What the browser keeps between visits, in localStorage: each session's conversation (so a reload does not lose
// it) and the sessions this browser used recently (so "New session" can offer a way back). "Delete my data" removes
// both for its session. Storage may be full or disabled: then the page simply keeps less.

const CONVERSATION_PREFIX = "cogentx.conversation.";
const RECENT_KEY = "cogentx.sessions";
export const MAX_TURNS = 50;
export const MAX_RECENT = 8;

function read(storage, key, fallback) {
  try {
    const raw = storage.getItem(key);
    return raw == null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** The conversation of each session: an array of turns (plain objects), newest last. */
export class ConversationStore {
  constructor(storage) {
    this.storage = storage;
  }

  load(sessionId) {
    const turns = read(this.storage, CONVERSATION_PREFIX + sessionId, []);
    return Array.isArray(turns) ? turns : [];
  }

  /** Saves the last MAX_TURNS turns; when storage is full, fewer (oldest dropped first). Returns how many. */
  save(sessionId, turns) {
    let kept = turns.slice(-MAX_TURNS);
    while (kept.length > 0) {
      try {
        this.storage.setItem(CONVERSATION_PREFIX + sessionId, JSON.stringify(kept));
        return kept.length;
      } catch {
        kept = kept.slice(Math.ceil(kept.length / 2));
      }
    }
    this.remove(sessionId);
    return 0;
  }

  remove(sessionId) {
    try {
      this.storage.removeItem(CONVERSATION_PREFIX + sessionId);
    } catch {
      // nothing stored
    }
  }
}

/** Sessions this browser used: [{id, label, documents, lastUsed, expiresAt}], most recently used first. */
export class RecentSessions {
  constructor(storage, now = () => Date.now()) {
    this.storage = storage;
    this.now = now;
  }

  /** The sessions that have not expired yet. */
  list() {
    const all = read(this.storage, RECENT_KEY, []);
    const now = this.now();
    return (Array.isArray(all) ? all : [])
      .filter((s) => s && typeof s.id === "string")
      .filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now)
      .sort((a, b) => (b.lastUsed ?? 0) - (a.lastUsed ?? 0));
  }

  /** Records that `id` was used now, with what it holds. */
  touch(id, { label, documents, expiresAt } = {}) {
    const others = this.list().filter((s) => s.id !== id);
    const previous = this.list().find((s) => s.id === id) ?? {};
    const entry = {
      ...previous,
      id,
      lastUsed: this.now(),
      ...(label !== undefined ? { label } : {}),
      ...(documents !== undefined ? { documents } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    };
    this.#write([entry, ...others].slice(0, MAX_RECENT));
  }

  remove(id) {
    this.#write(this.list().filter((s) => s.id !== id));
  }

  #write(list) {
    try {
      this.storage.setItem(RECENT_KEY, JSON.stringify(list));
    } catch {
      // storage full or disabled: the list is not kept
    }
  }
}

/** "a.pdf, b.txt and 2 more" for a session's document titles. */
export function describeDocuments(titles) {
  if (!titles.length) return "no documents";
  if (titles.length <= 2) return titles.join(" and ");
  return `${titles.slice(0, 2).join(", ")} and ${titles.length - 2} more`;
}
