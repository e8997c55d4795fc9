// What went wrong, in the user's words: a plain title ("Couldn't read this PDF") and what to do, with the server's
// own problem (RFC 9457 title, detail, reason) kept behind a "Details" toggle for whoever needs it.

import { el, formatBytes } from "./format.js";

const TYPE_PREFIX = "problem:";

/** The last part of a problem's type URI ("tag:cogentx.io,2026:problem:payload-too-large" → "payload-too-large"). */
export function problemKind(problem) {
  const type = problem?.type ?? "";
  const at = type.lastIndexOf(TYPE_PREFIX);
  return at >= 0 ? type.slice(at + TYPE_PREFIX.length) : type;
}

function isPdf(context) {
  return /\.pdf$/i.test(context.fileName ?? "") || /pdf/i.test(context.mediaType ?? "");
}

/**
 * {title, text} for a problem. `context`: {action: "upload" | "ask" | "session", fileName, mediaType, accepted}
 * where `accepted` lists the file extensions the server reads.
 */
export function explain(problem = {}, context = {}) {
  const kind = problemKind(problem);
  const status = problem.status ?? 0;
  const thing = isPdf(context) ? "PDF" : "file";
  switch (problem.reason) {
    case "password-required":
      return /wrong/i.test(problem.detail ?? "")
        ? { title: "That password didn't open this PDF", text: "Check it (letters are case-sensitive) and try again." }
        : { title: "This PDF is password-protected", text: "Enter its password to add it." };
    case "damaged":
      return {
        title: `Couldn't read this ${thing}`,
        text: `It looks damaged or isn't really a ${thing === "PDF" ? "PDF" : "document of this type"}. Open it on your computer, save or export it again, then add the new copy.`,
      };
    case "empty":
      return {
        title: `No text found in this ${thing}`,
        text: "There is nothing in it to search. If it is a scan or a photo, the server could not read its text.",
      };
    case "unsupported-format":
      return unsupported(context);
    case "too-large":
      return tooLarge(problem);
    case "too-many-documents":
      return { title: "Your session is full", text: "It holds as many documents as it can. Delete some to add more." };
    case "too-many-chunks":
      return {
        title: "Your session is full",
        text: "This document is too long for the space left. Delete documents or add a shorter one.",
      };
    default:
      break;
  }
  switch (kind) {
    case "client-network":
      return { title: "Can't reach the server", text: "Check your connection and try again." };
    case "client-interrupted":
      return { title: "The answer was interrupted", text: "The connection closed before it was complete. Ask again." };
    case "unsupported-media-type":
      return unsupported(context);
    case "payload-too-large":
      return tooLarge(problem);
    case "too-many-requests":
      return { title: "Too many uploads at once", text: "Wait until your current uploads finish, then try again." };
    case "too-many-sessions":
      return { title: "The server is full right now", text: "Too many people are using it. Try again in a few minutes." };
    case "unavailable":
      return {
        title: "The server is busy",
        text: problem.retry_after_seconds
          ? `Try again in ${problem.retry_after_seconds} seconds.`
          : "Try again in a moment.",
      };
    case "session-ended":
      return { title: "Your session has ended", text: "It expired or was deleted. Add your documents again to continue." };
    case "invalid-session-id":
      return { title: "This browser's session id isn't valid", text: "Reload the page to start a new session." };
    case "job-cancelled":
      return { title: "Upload cancelled", text: "Nothing was added." };
    case "generation-failed":
      return {
        title: "The answer was cut off",
        text: "The language model stopped before it finished. Ask again: if it stays unavailable, the answer is quoted from your documents instead.",
      };
    case "internal":
      return {
        title: "Something went wrong on our side",
        text: problem.incident
          ? `Try again. If it keeps happening, give the operator this incident number: ${problem.incident}.`
          : "Try again. If it keeps happening, tell the operator.",
      };
    default:
      break;
  }
  if (context.action === "ask") {
    if (status === 404 || status === 405) {
      return { title: "Asking isn't available on this server", text: "This server version cannot answer questions. You can still add documents." };
    }
    if (/longer than/i.test(problem.detail ?? "")) {
      return { title: "Your question is too long", text: "Shorten it and ask again." };
    }
  }
  if (status >= 500) return { title: "The server couldn't do this", text: "Try again in a moment." };
  return { title: problem.title || "That didn't work", text: problem.detail || "" };
}

/** Past this many types the list is left to the upload box ("Accepted: …"), not repeated in every failed row. */
const LISTED_TYPES = 8;

function unsupported(context) {
  const accepted = context.accepted ?? [];
  if (accepted.length > LISTED_TYPES) {
    return { title: "This file type isn't supported", text: "Add a file of a type listed under the upload box." };
  }
  const list = accepted.length ? accepted.join(", ") : "PDF, text or Markdown";
  return { title: "This file type isn't supported", text: `Add ${list} files.` };
}

function tooLarge(problem) {
  return {
    title: "This file is too large",
    text: Number.isFinite(problem.max_bytes)
      ? `This server accepts files up to ${formatBytes(problem.max_bytes)}. Split it into smaller files.`
      : "Split it into smaller files, or ask the operator to raise the limit.",
  };
}

/** The problem as a box: plain title and advice, the server's wording under "Details". */
export function problemView(problem = {}, context = {}) {
  const { title, text } = explain(problem, context);
  const technical = [
    problem.title && problem.title !== title ? problem.title : null,
    problem.status ? `HTTP ${problem.status}` : null,
    problem.reason ? `reason: ${problem.reason}` : null,
    problem.incident ? `incident ${problem.incident}` : null,
  ].filter(Boolean);
  const hasDetails = (problem.detail && problem.detail !== text) || technical.length > 0;
  return el(
    "div",
    { class: "problem" },
    el("strong", { class: "problem-title" }, title),
    text ? el("span", { class: "problem-text" }, text) : null,
    hasDetails
      ? el(
          "details",
          { class: "problem-details" },
          el("summary", {}, "Details"),
          problem.detail && problem.detail !== text ? el("p", { class: "problem-detail" }, problem.detail) : null,
          technical.length ? el("p", { class: "problem-meta" }, technical.join(" · ")) : null,
        )
      : null,
  );
}
