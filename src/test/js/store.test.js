// The conversation kept per session and the recent sessions (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConversationStore, MAX_TURNS, RecentSessions, describeDocuments } from "../../../webapp/js/store.js";

class MemoryStorage {
  constructor(limit = Infinity) {
    this.map = new Map();
    this.limit = limit;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    if (v.length > this.limit) throw new Error("QuotaExceededError");
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

const turn = (i) => ({ id: `t${i}`, question: `q${i}`, answer: "x".repeat(100), state: "done" });

test("each session keeps its own conversation, and deleting one leaves the other", () => {
  const store = new ConversationStore(new MemoryStorage());
  store.save("a", [turn(1), turn(2)]);
  store.save("b", [turn(3)]);
  assert.deepEqual(store.load("a").map((t) => t.id), ["t1", "t2"]);
  store.remove("a");
  assert.deepEqual(store.load("a"), []);
  assert.deepEqual(store.load("b").map((t) => t.id), ["t3"]);
});

test("only the latest turns are kept, fewer when storage is full, and broken data reads as empty", () => {
  const store = new ConversationStore(new MemoryStorage(2000));
  const many = Array.from({ length: MAX_TURNS + 10 }, (_, i) => turn(i));
  const kept = store.save("s", many);
  assert.ok(kept > 0 && kept < MAX_TURNS, String(kept));
  assert.equal(store.load("s").at(-1).id, `t${MAX_TURNS + 9}`, "the newest turn survives");
  const broken = new MemoryStorage();
  broken.setItem("cogentx.conversation.x", "{not json");
  assert.deepEqual(new ConversationStore(broken).load("x"), []);
});

test("recent sessions: most recent first, expired ones dropped, removable", () => {
  let now = Date.parse("2026-12-01T10:00:00Z");
  const recents = new RecentSessions(new MemoryStorage(), () => now);
  recents.touch("old", { label: "a.pdf", documents: 1, expiresAt: "2026-12-01T11:00:00Z" });
  now += 1000;
  recents.touch("new", { label: "b.pdf", documents: 2, expiresAt: "2026-12-02T10:00:00Z" });
  assert.deepEqual(recents.list().map((s) => s.id), ["new", "old"]);
  now += 2 * 3600 * 1000; // "old" has expired on the server by now
  assert.deepEqual(recents.list().map((s) => s.id), ["new"]);
  recents.touch("new", {}); // keeps what it knew
  assert.equal(recents.list()[0].label, "b.pdf");
  recents.remove("new");
  assert.deepEqual(recents.list(), []);
  assert.equal(describeDocuments(["a", "b", "c", "d"]), "a, b and 2 more");
});
