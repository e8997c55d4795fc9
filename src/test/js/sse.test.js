// Unit tests of the web UI's event-stream parser (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { EventStreamParser, readEventStream } from "../../../webapp/js/sse.js";

const all = (parser, ...chunks) => chunks.flatMap((c) => [...parser.push(c)]);

test("events with a name, one or more data lines, and the default name", () => {
  const events = all(new EventStreamParser(), "event: sources\ndata: {\"a\":1}\n\ndata: one\ndata: two\n\n");
  assert.deepEqual(events, [
    { event: "sources", data: "{\"a\":1}", id: "" },
    { event: "message", data: "one\ntwo", id: "" },
  ]);
});

test("chunks split anywhere, CRLF and CR line ends, comments and empty events", () => {
  const parser = new EventStreamParser();
  const events = all(parser, "ev", "ent: token\r", "\ndata:  x\r\n", "\r\n: keep-alive\n\nevent: done\rdata: {}\r\r");
  assert.deepEqual(events, [{ event: "token", data: " x", id: "" }]);
  // a CR at the end of a chunk may be half of a CRLF: the event ends when the next byte shows it
  assert.deepEqual(all(parser, "\n"), [{ event: "done", data: "{}", id: "" }]);
});

test("an event without data is dropped and its name does not leak into the next", () => {
  const events = all(new EventStreamParser(), "event: ping\n\ndata: later\n\n");
  assert.deepEqual(events, [{ event: "message", data: "later", id: "" }]);
});

test("readEventStream yields events as bytes arrive, including a last one without its blank line", async () => {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode("event: token\ndata: {\"text\":\"Hel\"}\n\nevent: to"));
      controller.enqueue(encoder.encode("ken\ndata: {\"text\":\"lo ✓\"}\n\nevent: done\ndata: {}"));
      controller.close();
    },
  });
  const seen = [];
  for await (const e of readEventStream(body)) seen.push([e.event, e.data]);
  assert.deepEqual(seen, [
    ["token", "{\"text\":\"Hel\"}"],
    ["token", "{\"text\":\"lo ✓\"}"],
    ["done", "{}"],
  ]);
});
