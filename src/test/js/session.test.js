// Unit tests of the web UI's session id handling (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Session, isSessionId } from "../../../webapp/js/session.js";

class MemoryStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
}

const V4 = "0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b";

test("a first visit creates a random v4 id and stores it; the next visit reuses it", () => {
  const storage = new MemoryStorage();
  const first = new Session(storage);
  assert.ok(isSessionId(first.id));
  assert.equal(new Session(storage).id, first.id);
});

test("a damaged stored id is replaced, never sent", () => {
  const session = new Session(new MemoryStorage({ "cogentx.session_id": "../../etc" }));
  assert.ok(isSessionId(session.id));
});

test("the server's id is adopted in canonical form, junk from a response is ignored", () => {
  const storage = new MemoryStorage({ "cogentx.session_id": V4 });
  const session = new Session(storage);
  const changes = [];
  session.onChange((id) => changes.push(id));

  session.adopt(V4.toUpperCase());
  session.adopt("not-a-uuid");
  session.adopt(null);
  assert.deepEqual(changes, []);

  const issued = "7d444840-9dc0-4f4c-8b5a-2a8f0e5c9d11";
  session.adopt(issued);
  assert.equal(session.id, issued);
  assert.equal(storage.getItem("cogentx.session_id"), issued);
  assert.deepEqual(changes, [issued]);
});

test("renew starts a different session", () => {
  const session = new Session(new MemoryStorage({ "cogentx.session_id": V4 }));
  assert.notEqual(session.renew(), V4);
});

test("a v1 UUID is not a session id", () => {
  assert.equal(isSessionId("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), false);
});
