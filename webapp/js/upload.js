// Upload panel: drag and drop or pick several files; each gets its own row with one progress bar from 0 to 100 %
// across upload and indexing, in plain words with the time left, then "Added" or a plain-language error (technical
// reason behind "Details"), with a password field for locked PDFs. Finished rows can be cleared.

import { ApiError, isFinished } from "./api.js";
import { el, formatBytes, plural } from "./format.js";
import { explain, problemView } from "./problems.js";
import { FileProgress } from "./progress.js";

const PARALLEL_UPLOADS = 2;
const ACTIVE = new Set(["queued", "uploading", "processing", "indexing"]);

export class UploadPanel {
  constructor({ api, dropzone, input, list, clearButton, announcer, accepted, onIndexed, onActivity }) {
    Object.assign(this, { api, announcer, list, clearButton, onIndexed, onActivity });
    this.accepted = accepted ?? (() => []);
    this.items = new Set();
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
    clearButton?.addEventListener("click", () => this.clearFinished());
  }

  add(files) {
    for (const file of files) {
      const item = new UploadItem(file, this);
      this.items.add(item);
      this.list.prepend(item.row);
      this.enqueue(item);
    }
    this.changed();
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

  /** Files being uploaded or indexed now. */
  active() {
    return [...this.items].filter((i) => ACTIVE.has(i.row.dataset.state)).length;
  }

  /** A row changed state: update the clear button and tell the page (the ask box hints while files index). */
  changed() {
    if (this.clearButton) this.clearButton.hidden = [...this.items].every((i) => ACTIVE.has(i.row.dataset.state));
    this.onActivity?.(this.active());
  }

  /** Tells screen readers how a file ended (the rows' progress is not announced, it would be noise). */
  announce(text) {
    if (this.announcer) this.announcer.textContent = text;
  }

  /** Removes the rows of files that are done, failed or cancelled. */
  clearFinished() {
    for (const item of [...this.items]) {
      if (!ACTIVE.has(item.row.dataset.state)) {
        item.row.remove();
        this.items.delete(item);
      }
    }
    this.changed();
  }

  /** Forgets every row (a new session): waiting uploads are cancelled. */
  clear() {
    for (const item of this.queue) item.cancel();
    this.queue = [];
    this.items.clear();
    this.list.replaceChildren();
    this.changed();
  }
}

class UploadItem {
  constructor(file, panel) {
    this.file = file;
    this.panel = panel;
    this.progress = el("progress", { max: "100", value: "0", "aria-label": `Progress of ${file.name}` });
    this.status = el("span", { class: "upload-status" }, "Waiting to upload…");
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

  isPdf() {
    return /\.pdf$/i.test(this.file.name) || this.file.type === "application/pdf";
  }

  async run(password) {
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.tracker = new FileProgress(this.isPdf() ? "page" : "part");
    this.#state("uploading", "Uploading");
    this.detail.replaceChildren();
    try {
      const { status, body } = await this.panel.api.upload(this.file, {
        password,
        signal,
        onProgress: (loaded, total) => this.#show(this.tracker.update("uploading", loaded, total)),
        onSent: () => this.#show(this.tracker.update("stored", 0, 0), "processing"),
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
      else if (job.state === "cancelled") this.#state("cancelled", "Cancelled: nothing was added");
      else this.#failed(job.problem ?? { title: "Indexing failed", detail: job.message });
    } catch (e) {
      if (e.name === "AbortError") this.#state("cancelled", "Cancelled: nothing was added");
      else this.#failed(e instanceof ApiError ? e.problem : { title: "Upload failed", detail: String(e.message) });
    }
  }

  cancel() {
    if (this.row.dataset.state === "queued") {
      this.panel.queue = this.panel.queue.filter((i) => i !== this);
      this.#state("cancelled", "Cancelled: nothing was added");
      return;
    }
    if (this.job && !isFinished(this.job)) this.panel.api.cancelJob(this.job.id).catch(() => {});
    this.controller?.abort();
  }

  #jobProgress(job) {
    this.job = job;
    this.#show(this.tracker.update(job.stage, job.done, job.total), "indexing");
  }

  #show({ percent, text }, state) {
    this.progress.value = percent;
    if (state) this.#state(state, text);
    else this.status.textContent = text;
  }

  #indexed(document) {
    this.progress.value = 100;
    const passages = plural(document.chunks, "passage");
    this.#state("done", `Added: ${passages}`);
    this.panel.announce(`${this.file.name} added.`);
    this.cancelButton.hidden = true;
    if (document.warnings?.length) {
      this.detail.replaceChildren(el("ul", { class: "warnings" }, document.warnings.map((w) => el("li", {}, w))));
    }
    this.panel.onIndexed?.(document);
  }

  #failed(problem) {
    const context = { action: "upload", fileName: this.file.name, mediaType: this.file.type, accepted: this.panel.accepted() };
    const { title } = explain(problem, context);
    this.#state("failed", "Not added");
    this.panel.announce(`${this.file.name} not added: ${title}`);
    this.cancelButton.hidden = true;
    this.detail.replaceChildren(problemView(problem, context));
    if (problem.reason === "password-required") this.#askPassword();
  }

  /** A password field under the error; it does not take the focus (the user may be elsewhere on the page). */
  #askPassword() {
    const id = `pw-${crypto.randomUUID()}`;
    const input = el("input", { type: "password", id, autocomplete: "off", required: true });
    const form = el(
      "form",
      { class: "password-retry" },
      el("label", { for: id }, `Password for ${this.file.name}`),
      input,
      el("button", { type: "submit" }, "Open with this password"),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.cancelButton.hidden = false;
      this.run(input.value);
    });
    this.detail.append(form);
  }

  #state(state, text) {
    this.row.dataset.state = state;
    this.status.textContent = text;
    if (state === "cancelled") this.cancelButton.hidden = true;
    this.panel.changed();
  }
}
