// Unit tests of the web UI's formatting helpers (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, formatFromNow, formatLocation, formatSeconds } from "../../../webapp/js/format.js";

test("a citation shows its page, else its time range, else nothing", () => {
  assert.equal(formatLocation({ page: 3 }), "p. 3");
  assert.equal(formatLocation({ start_seconds: 62.4, end_seconds: 70 }), "01:02–01:10");
  assert.equal(formatLocation({ start_seconds: 7.2, end_seconds: 11.0 }), "00:07–00:11");
  assert.equal(formatLocation({ start_seconds: 3725 }), "1:02:05");
  assert.equal(formatLocation({ position: 4 }), "");
});

test("durations, sizes and time to expiry read naturally", () => {
  assert.equal(formatSeconds(9), "00:09");
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(1536), "1.5 KB");
  assert.equal(formatBytes(3 * 1024 * 1024), "3.0 MB");
  const now = Date.parse("2026-12-01T08:00:00Z");
  assert.equal(formatFromNow("2026-12-02T08:00:00Z", now), "in 24 h");
  assert.equal(formatFromNow("2026-12-01T08:10:00Z", now), "in 10 min");
  assert.equal(formatFromNow("2026-12-01T08:00:30Z", now), "in 30 s");
  assert.equal(formatFromNow("2026-12-01T07:00:00Z", now), "now");
});
