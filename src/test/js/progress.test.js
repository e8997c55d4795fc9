// One progress bar across stages, in plain words, with the time left (node --test; run by WebappModulesTest).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FileProgress, RemainingTime, formatRemaining, overallPercent, stageText } from "../../../webapp/js/progress.js";

test("the bar never goes back when a new stage starts at 0 of its units", () => {
  let now = 0;
  const file = new FileProgress("page", () => now);
  const seen = [];
  const steps = [
    ["uploading", 50, 100], ["uploading", 100, 100], ["stored", 0, 0], ["extracting", 58, 117], ["extracting", 117, 117],
    ["chunking", 0, 117], ["embedding", 0, 1285], ["embedding", 640, 1285], ["embedding", 1285, 1285], ["indexed", 1285, 1285],
  ];
  for (const [stage, done, total] of steps) {
    now += 1000;
    seen.push(file.update(stage, done, total).percent);
  }
  assert.deepEqual([...seen].sort((a, b) => a - b), seen, `not monotonic: ${seen}`);
  assert.equal(seen[0], 5);
  assert.equal(seen.at(-1), 100);
  assert.ok(seen[6] >= 45 && seen[6] <= 50, "embedding starts after reading");
});

test("stages are told without jargon", () => {
  assert.equal(stageText("extracting", 3, 117, "page"), "Reading page 3 of 117");
  assert.equal(stageText("extracting", 3, 10, "part"), "Reading the text");
  assert.equal(stageText("ocr", 1, 5), "Reading scanned page 1 of 5");
  assert.equal(stageText("embedding", 120, 1285), "Making it searchable: 120 of 1,285 passages");
  assert.equal(stageText("stored"), "Waiting for its turn");
  for (const stage of ["stored", "extracting", "ocr", "chunking", "embedding", "indexed"]) {
    assert.doesNotMatch(stageText(stage, 1, 2), /chunk|embed|worker/i);
  }
});

test("the time left follows the recent pace and appears only once it is measurable", () => {
  const eta = new RemainingTime();
  assert.equal(eta.update(5, 0), null, "during upload");
  assert.equal(eta.update(20, 1000), null, "first sample");
  assert.equal(eta.update(30, 2000), null, "under two seconds of progress");
  const left = eta.update(40, 3000); // 20 % in 2 s: 60 % more takes 6 s
  assert.ok(Math.abs(left - 6) < 1e-9, String(left));
  assert.equal(formatRemaining(left), "a few seconds left");
  assert.equal(formatRemaining(42), "about 40 s left");
  assert.equal(formatRemaining(185), "about 3 min left");
  assert.equal(formatRemaining(null), "");
  assert.equal(overallPercent("unknown-stage", 1, 2), 0);
});
