// Upload panel: drag and drop or pick several files; each gets its own row with upload progress (bytes), then
// the indexing job's stages (SSE), then the result or a clear error (with a password retry for locked PDFs).

import { ApiError, isFinished } from "./api.js";
import { el, formatBytes, problemView } from "./format.js";

const STAGES = {
  stored: "Stored",
  extracting: "Extracting text",
  ocr: "Reading scanned pages (OCR)",
  chunking: "Splitting into passages",
  embedding: "Embedding passages",
  indexed: "Indexed",
};
const PARALLEL_UPLOADS = 2;

export class UploadPanel {
  constructor({ api, dropzone, input, list, announcer, onIndexed }) {
    this.api = api;
    this.announcer = announcer;
    this.list = list;
    this.onIndexed = onIndexed;
    this.queue = [];
    this.running = 0;

    input.addEventListener("change", () => {
      this.add([...input.files]);
      input.value = "";
    });
    for (const type of ["dragenter", "dragover"]) {
      dropzone.addEventListener(type, (e) => {
        e.preventDefault();
        dropzone.classList.add("dragging");
      });
    }
    for (const type of ["dragleave", "drop"]) {
      dropzone.addEventListener(type, (e) => {
        e.preventDefault();
        if (type === "dragleave" && dropzone.contains(e.relatedTarget)) return;
        dropzone.classList.remove("dragging");
      });
    }
    dropzone.addEventListener("drop", (e) => this.add([...(e.dataTransfer?.files ?? [])]));
  }

  add(files) {
    for (const file of files) {
      const item = new UploadItem(file, this);
      this.list.prepend(item.row);
      this.enqueue(item);
    }
  }

  enqueue(item) {
    this.queue.push(item);
    this.#pump();
  }

  #pump() {
    while (this.running < PARALLEL_UPLOADS && this.queue.length > 0) {
      const item = this.queue.shift();
      this.running++;
      item.run().finally(() => {
        this.running--;
        this.#pump();
      });
    }
  }

  /** Tells screen readers how a file ended (the rows' progress is not announced, it would be noise). */
  announce(text) {
    if (this.announcer) this.announcer.textContent = text;
  }

  /** Forgets rows of a previous session. */
  clear() {
    for (const item of this.queue) item.cancel();
    this.queue = [];
    this.list.replaceChildren();
  }
}

class UploadItem {
  constructor(file, panel) {
    this.file = file;
    this.panel = panel;
    this.progress = el("progress", { max: "1", value: "0", "aria-label": `Progress of ${file.name}` });
    this.status = el("span", { class: "upload-status" }, "Waiting…");
    this.detail = el("div", { class: "upload-detail" });
    this.cancelButton = el("button", { type: "button", class: "link", onclick: () => this.cancel() }, "Cancel");
    this.row = el(
      "li",
      { class: "upload-item", dataset: { state: "queued" } },
      el(
        "div",
        { class: "upload-head" },
        el("span", { class: "upload-name" }, file.name),
        el("span", { class: "upload-size" }, formatBytes(file.size)),
        this.cancelButton,
      ),
      this.progress,
      this.status,
      this.detail,
    );
  }

  async run(password) {
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.#state("uploading", "Uploading…");
    this.detail.replaceChildren();
    try {
      const { status, body } = await this.panel.api.upload(this.file, {
        password,
        signal,
        onProgress: (loaded, total) => {
          this.progress.value = total ? loaded / total : 0;
          this.status.textContent = `Uploading ${Math.floor((100 * loaded) / (total || 1))} %`;
        },
        onSent: () => {
          this.progress.removeAttribute("value"); // the server reads the file now
          this.#state("processing", "Reading and indexing…");
        },
      });
      if (status === 201) {
        this.#indexed(body);
        return;
      }
      this.job = body;
      this.#jobProgress(body);
      const job = isFinished(body)
        ? body
        : await this.panel.api.followJob(body.id, { signal, onProgress: (j) => this.#jobProgress(j) });
      if (job.state === "succeeded") this.#indexed(job.document);
      else if (job.state === "cancelled") this.#state("cancelled", "Cancelled");
      else this.#failed(job.problem ?? { title: "Indexing failed", detail: job.message });
    } catch (e) {
      if (e.name === "AbortError") this.#state("cancelled", "Cancelled");
      else this.#failed(e instanceof ApiError ? e.problem : { title: "Upload failed", detail: String(e.message) });
    }
  }

  cancel() {
    if (this.row.dataset.state === "queued") {
      this.panel.queue = this.panel.queue.filter((i) => i !== this);
      this.#state("cancelled", "Cancelled");
      return;
    }
    if (this.job && !isFinished(this.job)) this.panel.api.cancelJob(this.job.id).catch(() => {});
    this.controller?.abort();
  }

  #jobProgress(job) {
    this.job = job;
    this.#state("indexing", job.message || STAGES[job.stage] || "Indexing…");
    if (job.total > 0) this.progress.value = Math.min(1, job.done / job.total);
    else this.progress.removeAttribute("value"); // indeterminate
  }

  #indexed(document) {
    this.progress.value = 1;
    const chunks = document.chunks === 1 ? "1 chunk" : `${document.chunks} chunks`;
    this.#state("done", `Indexed: ${chunks}`);
    this.panel.announce(`${this.file.name} added: ${chunks}`);
    this.cancelButton.hidden = true;
    if (document.warnings?.length) {
      this.detail.replaceChildren(el("ul", { class: "warnings" }, document.warnings.map((w) => el("li", {}, w))));
    }
    this.panel.onIndexed?.(document);
  }

  #failed(problem) {
    this.#state("failed", "Not added");
    this.panel.announce(`${this.file.name} not added: ${problem.title}`);
    this.cancelButton.hidden = true;
    this.detail.replaceChildren(problemView(problem));
    if (problem.reason === "password-required") this.#askPassword();
  }

  #askPassword() {
    const id = `pw-${crypto.randomUUID()}`;
    const input = el("input", { type: "password", id, autocomplete: "off", required: true });
    const form = el(
      "form",
      { class: "password-retry" },
      el("label", { for: id }, "Password"),
      input,
      el("button", { type: "submit" }, "Upload again"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.cancelButton.hidden = false;
      this.run(input.value);
    });
    this.detail.append(form);
    input.focus();
  }

  #state(state, text) {
    this.row.dataset.state = state;
    this.status.textContent = text;
    if (state === "cancelled") this.cancelButton.hidden = true;
  }
}
