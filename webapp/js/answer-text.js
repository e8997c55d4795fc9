// An answer as plain text: for the clipboard, for the screen reader's one announcement, and for the next question's
// history.

import { formatLocation } from "./format.js";

/** The answer with its markers, and the cited sources listed after it (for the clipboard). */
export function plainAnswer(turn) {
  const text = turn.parts?.length
    ? turn.parts.map((p) => `${p.text} [${p.source}]`).join("\n\n")
    : (turn.answer ?? "");
  const cited = new Set(turn.citations ?? []);
  const notes = (turn.sources ?? [])
    .filter((s) => cited.has(s.n))
    .map((s) => {
      const where = formatLocation(s);
      return `[${s.n}] ${s.title || "Untitled"}${where ? `, ${where}` : ""}`;
    });
  return notes.length ? `${text}\n\nSources:\n${notes.join("\n")}` : text;
}

/** The answer as one announcement: Markdown marks and citation markers removed, "source n" said instead. */
export function spokenAnswer(turn) {
  const text = turn.parts?.length ? turn.parts.map((p) => `${p.text} [${p.source}]`).join(" ") : (turn.answer ?? "");
  return text
    .replace(/```[\s\S]*?```/g, " (code) ")
    .replace(/[*_`#>|]+/g, " ")
    .replace(/\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g, (_, n) => ` (source ${n.replace(/\s*[,;]\s*/g, ", ")})`)
    .replace(/\s+/g, " ")
    .trim();
}

/** What the next question sends as history: the last `turns` finished exchanges, each side at most `maxChars`. */
export function historyOf(turns, { turns: count = 3, maxChars = 8000 } = {}) {
  return turns
    .filter((t) => t.state === "done")
    .slice(-count)
    .flatMap((t) => [
      { role: "user", content: t.question.slice(0, maxChars) },
      { role: "assistant", content: plainAnswerText(t).slice(0, maxChars) },
    ]);
}

function plainAnswerText(turn) {
  return turn.parts?.length ? turn.parts.map((p) => `${p.text} [${p.source}]`).join(" ") : (turn.answer ?? "");
}
