// Plays a cited recording from the cited second: one <audio> or <video> element in a bar at the bottom of the
// page, fed by GET /api/v1/documents/{id}/content?session_id=… (the browser asks for byte ranges as it seeks;
// a media element cannot send the X-Session-Id header, hence the query parameter).

import { el, formatSeconds } from "./format.js";

const VIDEO = /\.(mp4|m4v|webm|mkv|mov)$/i;

let settings = { baseUrl: "", sessionId: () => "" };
let bar = null;

/** Where the page's API is and how to learn the current session's id; called once by main.js. */
export function configurePlayer({ baseUrl = "", sessionId }) {
  settings = { baseUrl, sessionId };
}

/** Whether a source's time range can be played. */
export function isTimed(source) {
  return source?.start_seconds != null && source?.document_id != null;
}

/** A video by its file name (the title of an uploaded recording); anything else plays as audio. */
export function isVideo(title) {
  return VIDEO.test(title ?? "");
}

/** The URL of the recording, starting at `start` (a media fragment, as the element's first seek). */
export function mediaUrl(baseUrl, documentId, sessionId, start) {
  const t = Math.max(0, Math.floor(start ?? 0));
  return `${baseUrl}/api/v1/documents/${encodeURIComponent(documentId)}/content?session_id=${encodeURIComponent(sessionId)}#t=${t}`;
}

/** Opens the player on the source's recording at its start second and plays (the click allows sound). */
export function playSource(source) {
  if (!isTimed(source)) return null;
  const kind = isVideo(source.title) ? "video" : "audio";
  const url = mediaUrl(settings.baseUrl, source.document_id, settings.sessionId(), source.start_seconds);
  const base = url.slice(0, url.indexOf("#"));
  const view = ensureBar();
  let media = view.querySelector("audio, video");
  if (!media || media.localName !== kind || media.dataset.src !== base) {
    media?.remove();
    media = el(kind, { controls: true, preload: "metadata", class: "player-media", dataset: { src: base } });
    view.querySelector(".player-body").prepend(media);
    media.src = url;
  }
  const start = Math.max(0, source.start_seconds);
  const seek = () => {
    media.currentTime = start;
    media.play().catch(() => {}); // a browser that refuses to autoplay still shows the controls
  };
  if (media.readyState >= 1) seek();
  else media.addEventListener("loadedmetadata", seek, { once: true });
  const end = source.end_seconds != null ? `–${formatSeconds(source.end_seconds)}` : "";
  view.querySelector(".player-label").textContent = `${source.title} ${formatSeconds(start)}${end}`;
  view.hidden = false;
  return media;
}

/** "Play from 00:07" under a passage of a recording (the chip plays it too); null for other sources. */
export function playButton(source) {
  if (!isTimed(source)) return null;
  return el(
    "button",
    { type: "button", class: "secondary source-play", onclick: () => playSource(source) },
    `Play from ${formatSeconds(source.start_seconds)}`,
  );
}

function ensureBar() {
  if (bar) return bar;
  bar = el(
    "section",
    { class: "player", id: "player", "aria-label": "Recording player", hidden: true },
    el(
      "div",
      { class: "player-body" },
      el("span", { class: "player-label" }),
      el("button", { type: "button", class: "secondary player-close", onclick: closePlayer }, "Close"),
    ),
  );
  document.body.append(bar);
  return bar;
}

export function closePlayer() {
  if (!bar) return;
  const media = bar.querySelector("audio, video");
  media?.pause();
  media?.remove();
  bar.hidden = true;
}
