// Server-sent events read from a fetch() body (EventSource cannot POST), per the WHATWG event-stream format.

/**
 * Yields {event, data, id} for each event of a text/event-stream body, as the bytes arrive.
 * `data` is the joined data lines (a string); events without data are skipped, as EventSource does.
 */
export async function* readEventStream(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const onAbort = () => reader.cancel().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const parser = new EventStreamParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.push(value);
    }
    yield* parser.push("\n\n"); // a last event without its blank line still counts
  } finally {
    signal?.removeEventListener("abort", onAbort);
    reader.releaseLock?.();
  }
}

/** Incremental parser: push() text chunks, get back complete events. */
export class EventStreamParser {
  #buffer = "";
  #event = "";
  #data = [];
  #id = "";

  *push(text) {
    this.#buffer += text;
    let newline;
    while ((newline = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.#buffer.slice(0, newline);
      const width = this.#buffer.startsWith("\r\n", newline) ? 2 : 1;
      if (this.#buffer[newline] === "\r" && width === 1 && newline === this.#buffer.length - 1) {
        break; // a lone \r at the end may be the first half of \r\n: wait for more
      }
      this.#buffer = this.#buffer.slice(newline + width);
      const event = this.#line(line);
      if (event) yield event;
    }
  }

  #line(line) {
    if (line === "") {
      if (this.#data.length === 0) {
        this.#event = "";
        return null;
      }
      const event = { event: this.#event || "message", data: this.#data.join("\n"), id: this.#id };
      this.#event = "";
      this.#data = [];
      return event;
    }
    if (line.startsWith(":")) return null; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
    else if (field === "id") this.#id = value;
    return null;
  }
}
