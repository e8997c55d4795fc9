// Session panel: what this session holds (documents with their file size and delete, passages), last access and
// expiry. Tells the page what it found, so the ask box knows whether there is anything to ask about.

import { ApiError } from "./api.js";
import { el, formatBytes, formatCount, formatDateTime, formatFromNow, plural } from "./format.js";

export class SessionPanel {
  constructor({ api, nodes, notify, onChange }) {
    this.api = api;
    this.nodes = nodes;
    this.notify = notify;
    this.onChange = onChange;
    this.documents = null; // unknown until the first refresh
    this.info = null;
  }

  async refresh() {
    try {
      const [info, list] = await Promise.all([this.api.sessionInfo(), this.api.documents()]);
      this.info = info;
      this.documents = list.documents ?? [];
      this.#facts(info);
      this.#list(this.documents);
      this.onChange?.(info, this.documents);
    } catch (e) {
      if (e instanceof ApiError) this.notify(e.problem);
      else throw e;
    }
  }

  #facts(info) {
    const { nodes } = this;
    nodes.documents.textContent = formatCount(info.total_documents);
    nodes.chunks.textContent = formatCount(info.total_chunks);
    nodes.lastAccess.textContent = formatDateTime(info.last_access);
    nodes.expires.textContent = info.expires_at
      ? `${formatDateTime(info.expires_at)} (${formatFromNow(info.expires_at)}, if idle)`
      : "—";
    nodes.sessionId.textContent = `session ${info.session_id.slice(0, 8)}`;
    nodes.sessionId.title = `Your anonymous session id: ${info.session_id}`;
  }

  #list(documents) {
    this.nodes.empty.hidden = documents.length > 0;
    this.nodes.list.replaceChildren(
      ...documents.map((d) =>
        el(
          "li",
          { class: "document", dataset: { id: d.id } },
          el(
            "div",
            { class: "document-text" },
            el("span", { class: "document-title" }, d.title),
            el(
              "span",
              { class: "document-meta" },
              [
                d.file_name && d.file_name !== d.title ? d.file_name : null,
                d.file_size != null ? formatBytes(d.file_size) : null,
                plural(d.chunks, "passage"),
              ]
                .filter(Boolean)
                .join(" · "),
            ),
          ),
          el(
            "button",
            {
              type: "button",
              class: "link danger",
              "aria-label": `Delete ${d.title}`,
              onclick: (e) => this.#delete(d, e.currentTarget),
            },
            "Delete",
          ),
        ),
      ),
    );
  }

  async #delete(document, button) {
    button.disabled = true;
    try {
      await this.api.deleteDocument(document.id);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) {
        button.disabled = false;
        this.notify(e.problem ?? { title: "Error", detail: String(e.message) });
        return;
      }
    }
    await this.refresh();
  }
}
