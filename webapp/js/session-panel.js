// Session panel: what this session holds (documents with delete, chunk count), last access and expiry.

import { ApiError } from "./api.js";
import { el, formatBytes, formatDateTime, formatFromNow } from "./format.js";

export class SessionPanel {
  constructor({ api, nodes, notify }) {
    this.api = api;
    this.nodes = nodes;
    this.notify = notify;
  }

  async refresh() {
    try {
      const [info, list] = await Promise.all([this.api.sessionInfo(), this.api.documents()]);
      this.#facts(info);
      this.#documents(list.documents ?? []);
    } catch (e) {
      if (e instanceof ApiError) this.notify(e.problem);
      else throw e;
    }
  }

  #facts(info) {
    const { nodes } = this;
    nodes.documents.textContent = String(info.total_documents);
    nodes.chunks.textContent = String(info.total_chunks);
    nodes.lastAccess.textContent = formatDateTime(info.last_access);
    nodes.expires.textContent = info.expires_at
      ? `${formatDateTime(info.expires_at)} (${formatFromNow(info.expires_at)}, if idle)`
      : "—";
    nodes.sessionId.textContent = `session ${info.session_id.slice(0, 8)}`;
    nodes.sessionId.title = `Your anonymous session id: ${info.session_id}`;
  }

  #documents(documents) {
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
              [d.file_name && d.file_name !== d.title ? d.file_name : null, `${d.chunks} ${d.chunks === 1 ? "chunk" : "chunks"}`, formatBytes(d.bytes)]
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

