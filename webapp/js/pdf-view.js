// The cited page, shown: pdf.js (vendor/pdfjs, unpacked from its WebJar, worker included) renders one page of the
// uploaded PDF in a dialog, fetched with range requests from GET /api/v1/documents/{id}/content, with a text layer
// on top in which the cited passage (or the sentence the answer rests on) is highlighted. Loaded only when a page is
// first opened. Runs under the page's policy: no eval (isEvalSupported false), worker and fonts from this origin.

import { el } from "./format.js";
import { pageMatches } from "./passage.js";

const PDFJS = new URL("../vendor/pdfjs/", import.meta.url);
let library;

async function pdfjs() {
  if (!library) {
    library = import(new URL("pdf.min.mjs", PDFJS).href).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = new URL("pdf.worker.min.mjs", PDFJS).href;
      return lib;
    });
  }
  return library;
}

export class PageViewer {
  /** @param dialog an empty <dialog> element */
  constructor(dialog) {
    this.dialog = dialog;
    this.title = el("h2", { id: "page-dialog-title" });
    this.status = el("p", { class: "page-status", role: "status" });
    this.previous = el("button", { type: "button", class: "secondary", onclick: () => this.#show(this.page - 1) }, "Previous page");
    this.next = el("button", { type: "button", class: "secondary", onclick: () => this.#show(this.page + 1) }, "Next page");
    this.canvas = el("canvas", { class: "page-canvas", "aria-hidden": "true" });
    this.textLayer = el("div", { class: "textLayer" });
    this.sheet = el("div", { class: "page-sheet" }, this.canvas, this.textLayer);
    dialog.replaceChildren(
      el(
        "div",
        { class: "page-head" },
        this.title,
        el("div", { class: "page-buttons" }, this.previous, this.next, el("button", { type: "button", onclick: () => dialog.close() }, "Close")),
      ),
      this.status,
      el("div", { class: "page-scroll" }, this.sheet),
    );
    dialog.addEventListener("close", () => {
      this.document?.destroy();
      this.document = null;
      this.opener?.focus();
    });
  }

  /**
   * Opens page `page` of the PDF at `url` (requested with `headers`) and highlights `highlight` (text from the
   * passage) on it. `name` titles the dialog.
   */
  async open({ url, headers, page, name, highlight }, opener) {
    this.opener = opener;
    this.highlight = highlight;
    this.name = name;
    this.page = page;
    this.highlightOn = page;
    this.title.textContent = `${name}, page ${page}`;
    this.status.textContent = "Opening the page…";
    this.dialog.showModal();
    try {
      const lib = await pdfjs();
      this.lib = lib;
      this.document = await lib.getDocument({
        url,
        httpHeaders: headers,
        isEvalSupported: false,
        disableAutoFetch: true, // only the ranges this page needs
        standardFontDataUrl: new URL("standard_fonts/", PDFJS).href,
        cMapUrl: new URL("cmaps/", PDFJS).href,
        cMapPacked: true,
        wasmUrl: new URL("wasm/", PDFJS).href,
      }).promise;
      await this.#show(page);
    } catch (e) {
      this.status.textContent = `This page could not be shown (${e?.message ?? e}). The passage is still in the list of sources.`;
      this.dialog.dataset.state = "failed";
    }
  }

  async #show(number) {
    if (!this.document || number < 1 || number > this.document.numPages) return;
    this.page = number;
    this.dialog.dataset.state = "rendering";
    this.title.textContent = `${this.name}, page ${number} of ${this.document.numPages}`;
    this.previous.disabled = number <= 1;
    this.next.disabled = number >= this.document.numPages;
    const page = await this.document.getPage(number);
    const width = Math.min(this.dialog.clientWidth - 32, 900);
    const scale = Math.max(0.5, width / page.getViewport({ scale: 1 }).width);
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.floor(viewport.width * ratio);
    this.canvas.height = Math.floor(viewport.height * ratio);
    this.canvas.style.width = `${Math.floor(viewport.width)}px`;
    this.canvas.style.height = `${Math.floor(viewport.height)}px`;
    this.sheet.style.setProperty("--total-scale-factor", String(scale));
    this.sheet.style.setProperty("--scale-factor", String(scale));
    this.sheet.style.width = `${Math.floor(viewport.width)}px`;
    this.sheet.style.height = `${Math.floor(viewport.height)}px`;
    await page.render({
      canvas: this.canvas,
      canvasContext: this.canvas.getContext("2d"),
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    this.textLayer.replaceChildren();
    const layer = new this.lib.TextLayer({ textContentSource: page.streamTextContent(), container: this.textLayer, viewport });
    await layer.render();
    const marked = number === this.highlightOn ? this.#mark(layer) : 0;
    this.status.textContent = marked
      ? "The cited passage is highlighted."
      : number === this.highlightOn
        ? "The passage's words could not be placed on this page; it is shown in the list of sources."
        : "";
    this.dialog.dataset.state = "shown";
    this.sheet.querySelector(".highlight")?.scrollIntoView({ block: "center" });
  }

  #mark(layer) {
    const items = layer.textContentItemsStr;
    const divs = layer.textDivs;
    let count = 0;
    for (const i of pageMatches(items, this.highlight ?? "")) {
      divs[i]?.classList.add("highlight");
      count++;
    }
    return count;
  }
}
