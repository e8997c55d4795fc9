// Ask panel: streams the answer (POST /api/v1/ask, text/event-stream), renders [n] markers as citation chips
// that expand to the cited passage, marks abstentions distinctly and says which backend answered.

import { ApiError } from "./api.js";
import { el, formatLocation, problemView } from "./format.js";
import { isTimed, playSource } from "./player.js";

const HISTORY_TURNS = 3;
const MARKER = /\[(\d{1,3})\]/g;

export class AskPanel {
  constructor({ api, form, question, askButton, stopButton, conversation, onAnswered }) {
    this.api = api;
    this.onAnswered = onAnswered;
    this.question = question;
    this.askButton = askButton;
    this.stopButton = stopButton;
    this.conversation = conversation;
    this.turns = [];
    this.sequence = 0;

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.ask(question.value.trim());
    });
    question.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    stopButton.addEventListener("click", () => this.controller?.abort());
  }

  async ask(text) {
    if (!text || this.controller) return;
    const turn = new Turn(text, ++this.sequence);
    const history = this.turns
      .filter((t) => t.finished)
      .slice(-HISTORY_TURNS)
      .flatMap((t) => [
        { role: "user", content: t.question },
        { role: "assistant", content: t.answer },
      ]);
    this.turns.push(turn);
    this.conversation.append(turn.node);
    turn.node.scrollIntoView({ block: "nearest" });
    this.question.value = "";
    this.#busy(true);
    this.controller = new AbortController();
    try {
      await this.api.ask(text, history, turn.handlers(), this.controller.signal);
    } catch (e) {
      if (e.name === "AbortError") turn.stopped();
      else turn.failed(e instanceof ApiError ? askProblem(e.problem) : { title: "Error", detail: String(e.message) });
    } finally {
      this.controller = null;
      this.#busy(false);
      this.question.focus();
      this.onAnswered?.();
    }
  }

  clear() {
    this.controller?.abort();
    this.turns = [];
    this.conversation.replaceChildren();
  }

  #busy(busy) {
    this.askButton.disabled = busy;
    this.stopButton.hidden = !busy;
  }
}

function askProblem(problem) {
  if (problem.status === 404 || problem.status === 405) {
    return {
      title: "Asking is not available on this server",
      detail: `POST /api/v1/ask answered ${problem.status}: this server version cannot answer questions yet. You can still add documents.`,
    };
  }
  return problem;
}

class Turn {
  constructor(question, sequence) {
    this.question = question;
    this.id = `turn-${sequence}`;
    this.answer = "";
    this.sources = new Map();
    this.finished = false;
    this.answerNode = el("div", { class: "answer streaming", "aria-busy": "true" }, el("span", { class: "thinking" }, "Searching your documents…"));
    this.metaNode = el("div", { class: "answer-meta" });
    this.sourcesNode = el("div", { class: "sources", hidden: true });
    this.node = el(
      "article",
      { class: "turn", id: this.id },
      el("p", { class: "question" }, question),
      this.answerNode,
      this.metaNode,
      this.sourcesNode,
    );
  }

  handlers() {
    return {
      sources: (payload) => this.#sources(payload),
      token: (text) => {
        this.answer += text;
        this.#render();
      },
      done: (payload) => this.#done(payload),
    };
  }

  #sources({ sources = [], abstained, backend }) {
    this.sources = new Map(sources.map((s) => [s.n, s]));
    this.backend = backend;
    this.abstained = abstained;
    this.answerNode.replaceChildren();
    if (sources.length === 0) return;
    this.sourcesNode.hidden = false;
    this.sourcesNode.replaceChildren(
      el("h3", {}, "Sources"),
      ...sources.map((s) =>
        el(
          "details",
          { class: "source", id: this.#sourceId(s.n), dataset: { n: s.n } },
          el("summary", {}, el("span", { class: "source-n" }, s.n), ` ${s.title}`, location(s)),
          el("blockquote", { class: "source-text" }, s.text),
        ),
      ),
    );
    for (const details of this.sourcesNode.querySelectorAll("details.source")) {
      details.addEventListener("toggle", () => {
        for (const chip of this.answerNode.querySelectorAll(`.chip[data-n="${details.dataset.n}"]`)) {
          chip.setAttribute("aria-expanded", String(details.open));
        }
      });
    }
  }

  #done(payload) {
    this.finished = true;
    if (typeof payload.answer === "string") this.answer = payload.answer;
    this.abstained = payload.abstained ?? this.abstained;
    this.backend = payload.backend ?? this.backend;
    this.#render();
    this.answerNode.classList.remove("streaming");
    this.answerNode.removeAttribute("aria-busy");
    const cited = new Set(payload.citations ?? []);
    for (const d of this.sourcesNode.querySelectorAll("details.source")) {
      d.classList.toggle("cited", cited.has(Number(d.dataset.n)));
    }
    this.node.classList.toggle("abstained", Boolean(this.abstained));
    const parts = [];
    if (this.abstained) parts.push(el("span", { class: "badge abstained-badge" }, "Not found in your documents"));
    parts.push(el("span", { class: "badge backend-badge", dataset: { backend: this.backend ?? "" } }, backendLabel(this.backend, payload.model)));
    if (payload.timing?.total_ms != null) parts.push(el("span", { class: "timing" }, `${(payload.timing.total_ms / 1000).toFixed(1)} s`));
    this.metaNode.replaceChildren(...parts);
  }

  stopped() {
    this.finished = this.answer.length > 0;
    this.answerNode.classList.remove("streaming");
    this.answerNode.removeAttribute("aria-busy");
    this.metaNode.replaceChildren(el("span", { class: "badge" }, "Stopped"));
  }

  failed(problem) {
    this.answerNode.classList.remove("streaming");
    this.answerNode.removeAttribute("aria-busy");
    this.answerNode.replaceChildren(problemView(problem));
    this.node.classList.add("failed");
  }

  /** The answer text with each [n] that names a source turned into a chip. */
  #render() {
    const parts = [];
    let last = 0;
    for (const match of this.answer.matchAll(MARKER)) {
      const source = this.sources.get(Number(match[1]));
      if (!source) continue;
      parts.push(this.answer.slice(last, match.index), this.#chip(source));
      last = match.index + match[0].length;
    }
    parts.push(this.answer.slice(last));
    this.answerNode.replaceChildren(...parts.filter((p) => p !== ""));
  }

  #chip(source) {
    const where = formatLocation(source);
    const label = `Source ${source.n}: ${source.title}${where ? `, ${where}` : ""}${isTimed(source) ? " (plays the recording from there)" : ""}`;
    return el(
      "button",
      {
        type: "button",
        class: "chip",
        "aria-expanded": String(Boolean(this.sourcesNode.querySelector(`#${this.#sourceId(source.n)}`)?.open)),
        "aria-controls": this.#sourceId(source.n),
        "aria-label": label,
        title: label,
        dataset: { n: source.n },
        onclick: (e) => {
          this.#toggle(source.n, e.currentTarget);
          if (isTimed(source)) playSource(source); // a time citation plays the recording from there
        },
      },
      el("span", { class: "chip-n" }, source.n),
      el("span", { class: "chip-title" }, source.title),
      where ? el("span", { class: "chip-where" }, where) : null,
    );
  }

  #toggle(n, chip) {
    const details = this.sourcesNode.querySelector(`#${this.#sourceId(n)}`);
    if (!details) return;
    details.open = !details.open;
    if (details.open) details.scrollIntoView({ block: "nearest" });
    chip.focus();
  }

  #sourceId(n) {
    return `${this.id}-source-${n}`;
  }
}

function location(source) {
  const where = formatLocation(source);
  return where ? el("span", { class: "source-where" }, ` · ${where}`) : null;
}

function backendLabel(backend, model) {
  if (backend === "ollama") return `Answered by Ollama${model ? ` (${model})` : ""}`;
  if (backend === "openai") return `Answered by an OpenAI-compatible model${model ? ` (${model})` : ""}`;
  if (backend === "extractive") return "Extractive answer: passages quoted, no language model";
  return backend ? `Answered by ${backend}` : "Answered";
}
