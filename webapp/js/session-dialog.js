// "New session": asks what happens to the current session's documents (delete them now, or keep them to come back
// to) and lists the other sessions this browser used recently, each to return to or delete.

import { el, formatFromNow, plural } from "./format.js";
import { describeDocuments } from "./store.js";

export class SessionDialog {
  /**
   * @param dialog the <dialog> element
   * @param current () => {documents: [titles], questions: n, idleHours}
   * @param recents () => [{id, label, documents, lastUsed, expiresAt}] other than the current session
   * @param actions {startNew(deleteCurrent), returnTo(id), forget(id)}; each may return a promise
   */
  constructor({ dialog, current, recents, actions }) {
    Object.assign(this, { dialog, current, recents, actions });
    dialog.addEventListener("close", () => this.opener?.focus());
  }

  open(opener) {
    this.opener = opener;
    this.#render();
    this.dialog.showModal();
  }

  #close() {
    this.dialog.close();
  }

  #render() {
    const { documents, questions, idleHours } = this.current();
    const holds = [
      documents.length ? `${plural(documents.length, "document")} (${describeDocuments(documents)})` : null,
      questions ? plural(questions, "question") : null,
    ].filter(Boolean);
    const kept = idleHours ? `${idleHours} h` : "a while";
    const act = (fn) => async () => {
      this.#close();
      await fn();
    };
    const choices = documents.length
      ? [
          el("button", { type: "button", class: "danger", onclick: act(() => this.actions.startNew(true)) }, "Delete them and start new"),
          el("button", { type: "button", class: "secondary", onclick: act(() => this.actions.startNew(false)) }, "Keep them and start new"),
        ]
      : [el("button", { type: "button", onclick: act(() => this.actions.startNew(false)) }, "Start a new session")];
    const others = this.recents();
    this.dialog.replaceChildren(
      el("h2", { id: "session-dialog-title" }, "Start a new session?"),
      el(
        "p",
        { id: "session-dialog-text" },
        holds.length
          ? `This session holds ${holds.join(" and ")}.`
          : "This session is empty.",
      ),
      documents.length
        ? el("p", { class: "hint" }, `A kept session stays on the server until it has been idle for ${kept}; come back to it from this list.`)
        : null,
      el("div", { class: "dialog-actions" }, ...choices, el("button", { type: "button", class: "link", onclick: () => this.#close() }, "Cancel")),
      el("h3", {}, "Recent sessions in this browser"),
      others.length
        ? el(
            "ul",
            { class: "recent-sessions" },
            ...others.map((s) =>
              el(
                "li",
                { class: "recent-session", dataset: { id: s.id } },
                el(
                  "span",
                  { class: "recent-text" },
                  el("span", { class: "recent-label" }, s.label || `session ${s.id.slice(0, 8)}`),
                  el(
                    "span",
                    { class: "recent-meta" },
                    [plural(s.documents ?? 0, "document"), s.expiresAt ? `expires ${formatFromNow(s.expiresAt)} if idle` : null]
                      .filter(Boolean)
                      .join(" · "),
                  ),
                ),
                el(
                  "button",
                  { type: "button", class: "secondary", "aria-label": `Return to ${s.label || "that session"}`, onclick: act(() => this.actions.returnTo(s.id)) },
                  "Return",
                ),
                el(
                  "button",
                  {
                    type: "button",
                    class: "link danger",
                    "aria-label": `Delete ${s.label || "that session"}`,
                    onclick: async (e) => {
                      e.currentTarget.disabled = true;
                      await this.actions.forget(s.id);
                      this.#render();
                      this.dialog.querySelector(".dialog-actions button")?.focus();
                    },
                  },
                  "Delete",
                ),
              ),
            ),
          )
        : el("p", { class: "empty" }, "No other sessions in this browser."),
    );
  }
}
