// Ask panel: streams the answer (POST /api/v1/ask, text/event-stream) into a turn whose question is a heading, keeps
// the conversation per session in the browser, announces only the final answer to screen readers, and never loses a
// question: the box is cleared only once the server took it, and a refused or failed question comes back.

import { ApiError } from "./api.js";
import { historyOf, plainAnswer, spokenAnswer } from "./answer-text.js";
import { answerBody, sourcesSection } from "./answer-view.js";
import { el, formatCount, formatLocation } from "./format.js";
import { isTimed, playSource } from "./player.js";
import { explain, problemView } from "./problems.js";

/** The server's limit (RetrievalParameters.MAX_TEXT_CHARS); the counter shows from COUNTER_FROM characters. */
export const MAX_QUESTION_CHARS = 2000;
const COUNTER_FROM = 1500;

export class AskPanel {
  constructor({ api, form, question, askButton, stopButton, conversation, empty, hint, counter, announcer, store, status, extraSourceControls, onAnswered }) {
    Object.assign(this, { api, question, askButton, stopButton, conversation, empty, hint, counter, announcer, store });
    this.status = status ?? (() => ({ documents: 1, indexing: 0 }));
    this.extraSourceControls = extraSourceControls ?? (() => null);
    this.onAnswered = onAnswered;
    this.turns = [];
    this.sessionId = null;

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
    question.addEventListener("input", () => {
      this.#count();
      if (this.refused) {
        this.refused = null;
        this.refreshHint();
      }
    });
    stopButton.addEventListener("click", () => this.controller?.abort());
  }

  /** Shows the conversation kept for `sessionId` (an answer cut short by a reload is marked as interrupted). */
  load(sessionId) {
    this.controller?.abort();
    this.sessionId = sessionId;
    this.turns = (this.store?.load(sessionId) ?? []).map((data) =>
      data.state === "streaming" ? { ...data, state: "stopped", interrupted: true } : data,
    );
    this.conversation.replaceChildren(...this.turns.map((data) => new TurnView(data, this).node));
    this.#emptyState();
    this.refreshHint();
  }

  async ask(text) {
    if (!text || this.controller) return;
    if (text.length > MAX_QUESTION_CHARS) {
      this.refused = "too-long";
      this.#setHint(
        `Your question has ${formatCount(text.length)} characters; the limit is ${formatCount(MAX_QUESTION_CHARS)}. Shorten it by ${formatCount(text.length - MAX_QUESTION_CHARS)} and ask again.`,
        "error",
      );
      return;
    }
    const { documents, indexing } = this.status();
    if (documents === 0 && indexing === 0) {
      this.refused = "no-documents";
      this.#setHint("Add documents first: answers come only from your own documents.", "error");
      return;
    }
    const data = { id: `turn-${Date.now().toString(36)}`, question: text, state: "streaming", answer: "", sources: [], citations: [] };
    const history = historyOf(this.turns);
    this.turns.push(data);
    const view = new TurnView(data, this);
    this.conversation.append(view.node);
    this.#emptyState();
    view.node.scrollIntoView({ block: "nearest" });
    this.#busy(true);
    this.controller = new AbortController();
    let accepted = false;
    const handlers = {
      sources: (payload) => {
        if (!accepted && this.question.value.trim() === text) this.question.value = ""; // the server took it
        accepted = true;
        this.#count();
        view.sources(payload);
      },
      token: (piece) => view.token(piece),
      done: (payload) => view.done(payload),
    };
    try {
      await this.api.ask(text, history, handlers, this.controller.signal);
      this.#announce(data.abstained ? `Not found in your documents. ${spokenAnswer(data)}` : `Answer: ${spokenAnswer(data)}`);
    } catch (e) {
      if (e.name === "AbortError") {
        view.stopped();
        this.#announce("Answer stopped.");
      } else {
        const problem = e instanceof ApiError ? e.problem : { title: "Error", detail: String(e.message) };
        view.failed(problem);
        if (!this.question.value.trim()) this.question.value = text; // give the question back to fix or resend
        this.#count();
        this.#announce(explain(problem, { action: "ask" }).title);
        view.node.scrollIntoView({ block: "nearest" });
      }
    } finally {
      this.controller = null;
      this.#busy(false);
      this.#save();
      this.question.focus();
      this.onAnswered?.();
      this.refreshHint();
    }
  }

  /** Forgets the conversation on screen (a new session); what is stored stays with its session. */
  clear() {
    this.controller?.abort();
    this.turns = [];
    this.conversation.replaceChildren();
    this.#emptyState();
  }

  /**
   * Says when asking cannot work yet, or that some documents are still being indexed. A refusal stays until the
   * question is edited, or, for a missing document, until one is added.
   */
  refreshHint() {
    const { documents, indexing } = this.status();
    if (this.refused === "too-long" || (this.refused === "no-documents" && documents === 0 && indexing === 0)) return;
    this.refused = null;
    if (indexing > 0) {
      // the server searches a document from its first page on (by keyword until its passages are embedded)
      this.#setHint(
        `Still indexing ${indexing === 1 ? "1 file" : `${indexing} files`}: answers use what has been read so far.`,
        "info",
      );
    } else if (documents === 0) {
      this.#setHint("Add documents first: answers come only from your own documents.", "info");
    } else {
      this.#setHint("", "");
    }
  }

  #save() {
    if (this.sessionId) this.store?.save(this.sessionId, this.turns);
  }

  #setHint(text, kind) {
    this.hint.textContent = text;
    this.hint.dataset.kind = kind;
    this.hint.hidden = !text;
  }

  #count() {
    const n = this.question.value.length;
    const over = n - MAX_QUESTION_CHARS;
    this.counter.hidden = n < COUNTER_FROM;
    this.counter.dataset.over = String(over > 0);
    this.counter.textContent =
      over > 0
        ? `${formatCount(n)} / ${formatCount(MAX_QUESTION_CHARS)}: ${formatCount(over)} too many`
        : `${formatCount(n)} / ${formatCount(MAX_QUESTION_CHARS)}`;
  }

  #announce(text) {
    this.announcer.textContent = "";
    // a new text node after a tick, so the same words are announced again
    setTimeout(() => (this.announcer.textContent = text), 50);
  }

  #emptyState() {
    this.empty.hidden = this.turns.length > 0;
  }

  #busy(busy) {
    this.askButton.disabled = busy;
    this.stopButton.hidden = !busy;
  }
}

/** One question and its answer on screen, drawn from its data (live while streaming, or restored). */
class TurnView {
  #frame = 0;

  constructor(data, panel) {
    this.data = data;
    this.panel = panel;
    this.answerNode = el("div", { class: "answer" });
    this.metaNode = el("div", { class: "answer-meta" });
    this.sourcesNode = el("section", { class: "sources", "aria-label": "Sources of this answer" });
    this.node = el(
      "article",
      { class: "turn", id: data.id, "aria-labelledby": `${data.id}-q` },
      el("h3", { class: "question", id: `${data.id}-q` }, data.question),
      this.answerNode,
      this.metaNode,
      this.sourcesNode,
    );
    this.#renderAll();
  }

  sources({ sources = [], abstained, backend, indexing }) {
    Object.assign(this.data, { sources, abstained: Boolean(abstained), backend, indexing: indexing ?? null });
    this.#renderSources();
    this.#renderAnswer();
  }

  token(piece) {
    this.data.answer += piece;
    if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#renderAnswer();
      });
    }
  }

  done(payload) {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    Object.assign(this.data, {
      state: "done",
      answer: typeof payload.answer === "string" ? payload.answer : this.data.answer,
      abstained: payload.abstained ?? this.data.abstained,
      backend: payload.backend ?? this.data.backend,
      model: payload.model,
      citations: payload.citations ?? [],
      parts: payload.parts ?? null,
      totalMs: payload.timing?.total_ms ?? null,
    });
    if (!this.data.sources?.length && payload.sources) this.data.sources = payload.sources;
    this.#renderAll();
  }

  stopped() {
    cancelAnimationFrame(this.#frame);
    this.data.state = "stopped";
    this.#renderAll();
  }

  failed(problem) {
    cancelAnimationFrame(this.#frame);
    Object.assign(this.data, { state: "failed", problem });
    this.#renderAll();
  }

  #renderAll() {
    this.node.classList.toggle("abstained", Boolean(this.data.abstained) && this.data.state === "done");
    this.node.classList.toggle("failed", this.data.state === "failed");
    this.#renderAnswer();
    this.#renderMeta();
    this.#renderSources();
  }

  #renderAnswer() {
    const d = this.data;
    const streaming = d.state === "streaming";
    this.answerNode.classList.toggle("streaming", streaming);
    if (streaming) this.answerNode.setAttribute("aria-busy", "true");
    else this.answerNode.removeAttribute("aria-busy");
    if (d.state === "failed") {
      this.answerNode.replaceChildren(
        d.answer ? el("div", { class: "partial" }, ...answerBody(d, (s) => this.#chip(s))) : null,
        problemView(d.problem ?? {}, { action: "ask" }),
      );
      return;
    }
    if (streaming && !d.answer) {
      this.answerNode.replaceChildren(el("span", { class: "thinking" }, "Searching your documents…"));
      return;
    }
    this.answerNode.replaceChildren(...answerBody(d, (s) => this.#chip(s)));
  }

  #renderMeta() {
    const d = this.data;
    const parts = [];
    if (d.state === "done" && d.abstained) parts.push(el("span", { class: "badge abstained-badge" }, "Not found in your documents"));
    if (d.state === "stopped") parts.push(el("span", { class: "badge" }, d.interrupted ? "Interrupted" : "Stopped"));
    if (d.state === "done") {
      parts.push(el("span", { class: "badge backend-badge", dataset: { backend: d.backend ?? "" } }, backendLabel(d.backend, d.model)));
      if (d.totalMs != null) parts.push(el("span", { class: "timing" }, `${(d.totalMs / 1000).toFixed(1)} s`));
      if (d.indexing?.documents > 0) {
        parts.push(el("span", { class: "badge indexing-badge" }, `While ${d.indexing.documents === 1 ? "1 document was" : `${d.indexing.documents} documents were`} still being indexed`));
      }
    }
    if ((d.state === "done" || d.state === "stopped") && (d.answer || d.parts?.length)) {
      parts.push(el("button", { type: "button", class: "link copy-button", onclick: (e) => this.#copy(e.currentTarget) }, "Copy answer"));
    }
    this.metaNode.replaceChildren(...parts);
    this.metaNode.hidden = parts.length === 0;
  }

  #renderSources() {
    const d = this.data;
    this.sourcesNode.hidden = !d.sources?.length;
    if (!d.sources?.length) {
      this.sourcesNode.replaceChildren();
      return;
    }
    this.sourcesNode.replaceChildren(...sourcesSection(d, (n) => this.#sourceId(n), this.panel.extraSourceControls));
    for (const details of this.sourcesNode.querySelectorAll("details.source")) {
      details.addEventListener("toggle", () => {
        for (const chip of this.answerNode.querySelectorAll(`.chip[data-n="${details.dataset.n}"]`)) {
          chip.setAttribute("aria-expanded", String(details.open));
        }
      });
    }
  }

  #chip(source) {
    const where = formatLocation(source);
    const timed = isTimed(source);
    const label = `Source ${source.n}: ${source.title || "Untitled"}${where ? `, ${where}` : ""}${timed ? " (plays the recording from there)" : ""}`;
    const details = this.sourcesNode.querySelector(`#${CSS.escape(this.#sourceId(source.n))}`);
    return el(
      "button",
      {
        type: "button",
        class: "chip",
        "aria-expanded": String(Boolean(details?.open)),
        "aria-controls": this.#sourceId(source.n),
        "aria-label": label,
        title: label,
        dataset: { n: source.n },
        onclick: (e) => {
          this.#toggle(source.n, e.currentTarget);
          if (timed) playSource(source); // a time citation plays the recording from there
        },
      },
      el("span", { class: "chip-n" }, source.n),
      // a time citation names its recording: "jfk.wav 00:07–00:11"
      timed ? el("span", { class: "chip-title" }, source.title) : null,
      where ? el("span", { class: "chip-where" }, where) : null,
    );
  }

  #toggle(n, chip) {
    const details = this.sourcesNode.querySelector(`#${CSS.escape(this.#sourceId(n))}`);
    if (!details) return;
    details.open = !details.open;
    if (details.open) details.scrollIntoView({ block: "nearest" });
    chip.focus();
  }

  async #copy(button) {
    const text = plainAnswer(this.data);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = copyWithSelection(text);
    }
    button.textContent = copied ? "Copied" : "Couldn't copy";
    this.panel.announcer.textContent = copied ? "Answer copied." : "The answer could not be copied.";
    setTimeout(() => (button.textContent = "Copy answer"), 2500);
  }

  #sourceId(n) {
    return `${this.data.id}-source-${n}`;
  }
}

/** Where the Clipboard API is missing (a page not served over HTTPS or from localhost). */
function copyWithSelection(text) {
  const area = el("textarea", { class: "visually-hidden", readonly: true, "aria-hidden": "true" });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function backendLabel(backend, model) {
  if (backend === "ollama") return `Answered by Ollama${model ? ` (${model})` : ""}`;
  if (backend === "openai") return `Answered by an OpenAI-compatible model${model ? ` (${model})` : ""}`;
  if (backend === "extractive") return "Quoted from your documents (no language model)";
  return backend ? `Answered by ${backend}` : "Answered";
}
