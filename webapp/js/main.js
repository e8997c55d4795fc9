// Wires the page together: one session, one API client, three panels.

import { Api, ApiError } from "./api.js";
import { AskPanel } from "./ask.js";
import { problemView } from "./format.js";
import { configurePlayer } from "./player.js";
import { Session } from "./session.js";
import { SessionPanel } from "./session-panel.js";
import { UploadPanel } from "./upload.js";

const config = window.COGENTX_CONFIG ?? {};
const $ = (id) => document.getElementById(id);

const session = new Session();
const api = new Api(config.apiBaseUrl ?? "", session);
configurePlayer({ baseUrl: api.baseUrl, sessionId: () => session.id });
const notice = $("notice");

function notify(problemOrText, kind = "error") {
  notice.hidden = false;
  notice.dataset.kind = kind;
  notice.replaceChildren(typeof problemOrText === "string" ? problemOrText : problemView(problemOrText));
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
});

const uploads = new UploadPanel({
  api,
  dropzone: $("dropzone"),
  input: $("file-input"),
  list: $("uploads"),
  announcer: $("upload-announcer"),
  onIndexed: () => sessionPanel.refresh(),
});

const askPanel = new AskPanel({
  api,
  form: $("ask-form"),
  question: $("question"),
  askButton: $("ask-button"),
  stopButton: $("stop-button"),
  conversation: $("conversation"),
  onAnswered: () => sessionPanel.refresh(), // last access and expiry moved
});

// Coming back to the tab: show what the session holds now (it may have expired meanwhile).
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") sessionPanel.refresh();
});

function startOver(message) {
  uploads.clear();
  askPanel.clear();
  notify(message, "info");
  return sessionPanel.refresh();
}

$("new-session").addEventListener("click", () => {
  session.renew();
  startOver("New session started. The previous one expires on its own if idle.");
});

$("delete-data").addEventListener("click", async () => {
  if (!window.confirm("Delete all documents of this session now? This cannot be undone.")) return;
  try {
    await api.deleteSession();
  } catch (e) {
    if (e instanceof ApiError) return notify(e.problem);
    throw e;
  }
  session.renew();
  startOver("Your data was deleted.");
});

$("api-docs")?.setAttribute("href", `${api.baseUrl}/api/docs`);

async function describeFormats() {
  try {
    const plugins = await api.plugins();
    const extensions = [
      ...new Set((plugins.kinds?.loaders ?? []).flatMap((l) => l.file_extensions ?? [])),
    ];
    if (extensions.length) {
      $("file-input").accept = extensions.map((e) => `.${e}`).join(",");
      $("upload-limit").textContent = `Accepted: ${extensions.join(", ")}`;
    }
  } catch {
    // keep the defaults in the page
  }
}

document.body.dataset.ready = "false";
Promise.all([sessionPanel.refresh(), describeFormats()]).finally(() => (document.body.dataset.ready = "true"));
