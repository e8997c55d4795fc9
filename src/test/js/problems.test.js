// Plain-language error titles for the server's problems (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { explain, problemKind } from "../../../webapp/js/problems.js";

const TAG = "tag:cogentx.io,2026:problem:";

test("an unreadable PDF is called that, not 'Unprocessable content', and the internals stay out of the text", () => {
  const problem = {
    type: `${TAG}unprocessable`,
    title: "Unprocessable content",
    status: 422,
    reason: "damaged",
    detail: "This PDF is damaged and cannot be read (Missing root object specification in trailer).",
  };
  const { title, text } = explain(problem, { action: "upload", fileName: "report.PDF" });
  assert.equal(title, "Couldn't read this PDF");
  assert.doesNotMatch(text, /trailer|root object/);
  assert.equal(explain(problem, { action: "upload", fileName: "notes.txt" }).title, "Couldn't read this file");
});

test("each reason the server gives has its own title", () => {
  const titles = ["password-required", "empty", "unsupported-format", "too-large", "too-many-documents", "too-many-chunks"].map(
    (reason) => explain({ type: `${TAG}unprocessable`, status: 422, reason }, { fileName: "a.pdf" }).title,
  );
  assert.deepEqual(titles, [
    "This PDF is password-protected",
    "No text found in this PDF",
    "This file type isn't supported",
    "This file is too large",
    "Your session is full",
    "Your session is full",
  ]);
  const wrong = { reason: "password-required", detail: "The password given for this PDF is wrong: check it" };
  assert.equal(explain(wrong).title, "That password didn't open this PDF");
});

test("types without a reason map by kind, naming limits and waits the server sent", () => {
  assert.equal(explain({ type: `${TAG}payload-too-large`, status: 413, max_bytes: 4 * 1024 * 1024 }).text.includes("4.0 MB"), true);
  assert.equal(explain({ type: `${TAG}unsupported-media-type`, status: 415 }, { accepted: [".pdf", ".txt"] }).text, "Add .pdf, .txt files.");
  const many = [".pdf", ".txt", ".md", ".docx", ".xlsx", ".pptx", ".odt", ".html", ".wav", ".mp3"];
  assert.equal(
    explain({ type: `${TAG}unsupported-media-type`, status: 415 }, { accepted: many }).text,
    "Add a file of a type listed under the upload box.",
  );
  assert.equal(explain({ type: `${TAG}unavailable`, status: 503, retry_after_seconds: 10 }).text, "Try again in 10 seconds.");
  assert.match(explain({ type: `${TAG}internal`, status: 500, incident: "ab12cd34" }).text, /ab12cd34/);
  assert.equal(explain({ type: "urn:cogentx:problem:client-network", status: 0 }).title, "Can't reach the server");
  assert.equal(explain({ type: `${TAG}generation-failed`, status: 502 }, { action: "ask" }).title, "The answer was cut off");
});

test("a question over the limit says so; an unknown problem keeps the server's own words", () => {
  const long = { type: `${TAG}unprocessable`, status: 422, detail: "The question is longer than 2000 characters; shorten it." };
  assert.equal(explain(long, { action: "ask" }).title, "Your question is too long");
  assert.deepEqual(explain({ type: `${TAG}bad-request`, title: "Bad request", status: 400, detail: "Send X." }), {
    title: "Bad request",
    text: "Send X.",
  });
  assert.equal(problemKind({ type: `${TAG}session-ended` }), "session-ended");
});
