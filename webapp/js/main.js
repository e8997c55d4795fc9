// Wires the page together: one session, one API client, three panels, the new-session dialog, and what the browser
// keeps (each session's conversation, the recent sessions).

import { Api, ApiError } from "./api.js";
import { AskPanel } from "./ask.js";
import { el } from "./format.js";
import { PageViewer } from "./pdf-view.js";
import { configurePlayer, playButton } from "./player.js";
import { problemView } from "./problems.js";
import { Session } from "./session.js";
import { SessionDialog } from "./session-dialog.js";
import { SessionPanel } from "./session-panel.js";
import { ConversationStore, RecentSessions, describeDocuments } from "./store.js";
import { UploadPanel } from "./upload.js";

const config = window.COGENTX_CONFIG ?? {};
const $ = (id) => document.getElementById(id);

const session = new Session();
const api = new Api(config.apiBaseUrl ?? "", session);
configurePlayer({ baseUrl: api.baseUrl, sessionId: () => session.id });
const conversations = new ConversationStore(window.localStorage);
const recents = new RecentSessions(window.localStorage);
const notice = $("notice");
let accepted = [];

function notify(problemOrText, kind = "error") {
  notice.hidden = false;
  notice.dataset.kind = kind;
  notice.replaceChildren(typeof problemOrText === "string" ? problemOrText : problemView(problemOrText, { action: "session" }));
  clearTimeout(notify.timer);
  if (kind !== "error") notify.timer = setTimeout(() => (notice.hidden = true), 6000);
}

const sessionPanel = new SessionPanel({
  api,
  notify,
  nodes: {
    documents: $("fact-documents"),
    chunks: $("fact-chunks"),
    lastAccess: $("fact-last-access"),
    expires: $("fact-expires"),
    sessionId: $("session-id"),
    list: $("documents"),
    empty: $("no-documents"),
  },
  onChange: (info, documents) => {
    recents.touch(info.session_id, {
      label: describeDocuments(documents.map((d) => d.title)),
      documents: documents.length,
      expiresAt: info.expires_at,
    });
    askPanel.refreshHint();
  },
});

const uploads = new UploadPanel({
  api,
  dropzone: $("dropzone"),
  input: $("file-input"),
  list: $("uploads"),
  clearButton: $("clear-uploads"),
  announcer: $("upload-announcer"),
  accepted: () => accepted,
  onIndexed: () => sessionPanel.refresh(),
  onActivity: () => askPanel?.refreshHint(),
});

const pageViewer = new PageViewer($("page-dialog"));
let contentServed = null; // one probe per page load: does this server keep the original files?

/** "Show page n" under a PDF passage, when the server serves the original file. */
function pageButton(source, highlight) {
  if (source.page == null) return null;
  const doc = (sessionPanel.documents ?? []).find((d) => d.id === source.document_id);
  if (!doc || !/pdf/i.test(doc.media_type ?? "")) return null;
  const button = el(
    "button",
    {
      type: "button",
      class: "secondary source-page",
      hidden: true,
      onclick: (e) =>
        pageViewer.open(
          {
            url: api.contentUrl(doc.id),
            headers: { "X-Session-Id": session.id },
            page: source.page,
            name: doc.title,
            highlight,
          },
          e.currentTarget,
        ),
    },
    `Show page ${source.page}`,
  );
  contentServed ??= api.hasContent(doc.id);
  contentServed.then((ok) => (button.hidden = !ok));
  return button;
}

const askPanel = new AskPanel({
  api,
  form: $("ask-form"),
  question: $("question"),
  askButton: $("ask-button"),
  stopButton: $("stop-button"),
  conversation: $("conversation"),
  empty: $("conversation-empty"),
  hint: $("ask-hint"),
  counter: $("question-count"),
  announcer: $("answer-announcer"),
  store: conversations,
  status: () => ({ documents: sessionPanel.documents?.length ?? null, indexing: uploads.active() }),
  // under a passage: "Show page n" for a PDF, "Play from 00:07" for a recording
  extraSourceControls: (source, highlight) => pageButton(source, highlight) ?? playButton(source),
  onAnswered: () => sessionPanel.refresh(), // last access and expiry moved
});

// Coming back to the tab: show what the session holds now (it may have expired meanwhile).
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") sessionPanel.refresh();
});

/** Shows the session now in use: its conversation from this browser, its documents from the server. */
function enter(message) {
  uploads.clear();
  askPanel.load(session.id);
  if (message) notify(message, "info");
  return sessionPanel.refresh();
}

/** Deletes a session's data on the server and what this browser kept of it. */
async function forget(id) {
  try {
    await api.deleteSession(id);
  } catch (e) {
    if (e instanceof ApiError) {
      notify(e.problem);
      return false;
    }
    throw e;
  }
  conversations.remove(id);
  recents.remove(id);
  return true;
}

function idleHours() {
  const info = sessionPanel.info;
  if (!info?.expires_at || !info?.last_access) return null;
  return Math.round((Date.parse(info.expires_at) - Date.parse(info.last_access)) / 3600000);
}

const dialog = new SessionDialog({
  dialog: $("session-dialog"),
  current: () => ({
    documents: (sessionPanel.documents ?? []).map((d) => d.title),
    questions: askPanel.turns.length,
    idleHours: idleHours(),
  }),
  recents: () => recents.list().filter((s) => s.id !== session.id && (s.documents ?? 0) > 0),
  actions: {
    startNew: async (deleteCurrent) => {
      const old = session.id;
      if (deleteCurrent && !(await forget(old))) return;
      session.renew();
      await enter(deleteCurrent ? "The previous session was deleted. This is a new, empty session." : "New session started. The previous one is kept: return to it from “New session”.");
    },
    returnTo: async (id) => {
      session.switchTo(id);
      await enter("Back in your earlier session.");
    },
    forget,
  },
});

$("new-session").addEventListener("click", (e) => dialog.open(e.currentTarget));

$("delete-data").addEventListener("click", async () => {
  if (!window.confirm("Delete all documents and questions of this session now? This cannot be undone.")) return;
  if (!(await forget(session.id))) return;
  session.renew();
  enter("Your data was deleted.");
});

$("api-docs")?.setAttribute("href", `${api.baseUrl}/api/docs`);

/** The file types the server reads (GET /api/v1/plugins), for the file picker and the hint. */
async function describeFormats() {
  try {
    const plugins = await api.plugins();
    const loaders = plugins.kinds?.loaders ?? plugins.loaders ?? [];
    const extensions = [...new Set(loaders.flatMap((l) => l.file_extensions ?? []))]
      .map((e) => e.replace(/^\./, "").toLowerCase())
      .sort();
    if (extensions.length) {
      accepted = extensions.map((e) => `.${e}`);
      $("file-input").accept = accepted.join(",");
      $("accepted-types").textContent = `Accepted: ${extensions.join(", ")}`;
    }
  } catch {
    // keep the defaults in the page
  }
}

document.body.dataset.ready = "false";
askPanel.load(session.id);
Promise.all([sessionPanel.refresh(), describeFormats()]).finally(() => (document.body.dataset.ready = "true"));
