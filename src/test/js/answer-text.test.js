// An answer as plain text for the clipboard, the screen reader and the next question's history (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { historyOf, plainAnswer, spokenAnswer } from "../../../webapp/js/answer-text.js";

const sources = [
  { n: 1, title: "Lighthouse log", page: 3 },
  { n: 2, title: "Goats", page: null },
];

test("the copied answer lists the sources it cites", () => {
  const turn = { answer: "Mara lights the lamp [1].", citations: [1], sources };
  assert.equal(plainAnswer(turn), "Mara lights the lamp [1].\n\nSources:\n[1] Lighthouse log, p. 3");
  const quoted = { parts: [{ text: "She keeps goats.", source: 2 }], citations: [2], sources };
  assert.equal(plainAnswer(quoted), "She keeps goats. [2]\n\nSources:\n[2] Goats");
});

test("the announcement has no Markdown marks and says 'source n'", () => {
  assert.equal(spokenAnswer({ answer: "**Mara** lights it [1, 2].\n\n- daily" }), "Mara lights it (source 1, 2). - daily");
});

test("history sends the last finished exchanges, each side capped", () => {
  const turns = [1, 2, 3, 4].map((i) => ({ question: `q${i}`, answer: "a".repeat(10), state: "done" }));
  turns.push({ question: "failed", state: "failed" });
  const history = historyOf(turns, { turns: 2, maxChars: 5 });
  assert.deepEqual(history, [
    { role: "user", content: "q3" },
    { role: "assistant", content: "aaaaa" },
    { role: "user", content: "q4" },
    { role: "assistant", content: "aaaaa" },
  ]);
});
