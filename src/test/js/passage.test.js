// Passages reflowed, tables with their header, answer sentences found for highlighting (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { blocksOf, claimsCiting, locate, pageMatches, partView, reflow, segments, sentenceRanges, supportRanges } from "../../../webapp/js/passage.js";

// as the PDF loader emits the IRS 1040 instructions' standard deduction table (page 35)
const IRS =
  "IF your filing | AND the number in | THEN your standard\nstatus is . . . | the box above is . . . | deduction is . . .\n" +
  "1 | $13,600\nSingle\n2 | 15,200\n1 | $25,300\n2 | 26,600\nMarried filing jointly\n3 | 27,900\n4 | 29,200\n" +
  "-35- Need more information or forms? Visit IRS.gov.";

test("PDF column line breaks are joined; list items keep their own line", () => {
  const text = "For 2018, the standard deduction\namount has been increased for all\nfilers. The amounts are:\n• Single—$12,000.\n• Head of household—$18,000.\n\nNext paragraph.";
  assert.equal(
    reflow(text),
    "For 2018, the standard deduction amount has been increased for all filers. The amounts are:\n• Single—$12,000.\n• Head of household—$18,000.\n\nNext paragraph.",
  );
});

test("table rows become a table whose header merges the wrapped header lines, labels span rows", () => {
  const [table, after] = blocksOf(IRS);
  assert.equal(table.type, "table");
  assert.deepEqual(table.header, ["IF your filing status is . . .", "AND the number in the box above is . . .", "THEN your standard deduction is . . ."]);
  assert.deepEqual(table.rows[0].cells, ["1", "$13,600"]);
  assert.deepEqual(table.rows[1], { cells: ["Single"], label: true, start: IRS.indexOf("Single"), end: IRS.indexOf("Single") + 6 });
  assert.equal(after.type, "paragraph");
  assert.equal(after.lines[0].text, "-35- Need more information or forms? Visit IRS.gov.");
});

test("an extractive answer from inside a table is shown as its rows under the table's header", () => {
  // the answerer collapses white space in the sentence it quotes
  const part = { text: "2 | 26,600 Married filing jointly 3 | 27,900", source: 1 };
  const view = partView(part, IRS);
  assert.equal(view.type, "table");
  assert.equal(view.header[2], "THEN your standard deduction is . . .");
  assert.deepEqual(view.rows.map((r) => r.cells.join(" | ")), ["2 | 26,600", "Married filing jointly", "3 | 27,900"]);
  assert.deepEqual(partView({ text: "Not in there.", source: 1 }, IRS), { type: "text", text: "Not in there." });
});

test("a sentence is found whatever its white space, also when cut with an ellipsis", () => {
  const text = "The keeper\nlights the lamp   every evening. Goats.";
  assert.deepEqual(locate(text, "The keeper lights the lamp every evening."), { start: 0, end: text.indexOf(" Goats") });
  assert.equal(text.slice(0, locate(text, "The keeper lights the …").end), "The keeper\nlights the");
  assert.equal(locate(text, "absent"), null);
});

test("what to highlight: an extractive part, else the passage sentence most like the claim citing it", () => {
  const text = "The Skerry lighthouse was built in 1887. Mara Quinlan, the keeper, lights the lamp every evening. She keeps goats.";
  const parts = [{ text: "Mara Quinlan, the keeper, lights the lamp every evening.", source: 1 }];
  const [range] = supportRanges(text, { parts });
  assert.equal(text.slice(range.start, range.end), parts[0].text);

  const answer = "The lamp is lit each evening by the keeper, Mara Quinlan [1]. Goats live there too [2].";
  const claims = claimsCiting(answer, 1);
  assert.deepEqual(claims, ["The lamp is lit each evening by the keeper, Mara Quinlan ."]);
  const [byClaim] = supportRanges(text, { claims });
  assert.equal(text.slice(byClaim.start, byClaim.end), "Mara Quinlan, the keeper, lights the lamp every evening.");
  assert.deepEqual(supportRanges(text, { claims: ["Nothing alike here at all"] }), []);
  assert.deepEqual(claimsCiting("Both [1, 2].", 2), ["Both ."]);
});

test("sentences end at their punctuation or a blank line, not at a PDF line break", () => {
  const text = "Mara Quinlan, the keeper,\nlights the lamp. She keeps goats!\n\nNo stop here\n\nEnd";
  assert.deepEqual(
    sentenceRanges(text).map((r) => text.slice(r.start, r.end)),
    ["Mara Quinlan, the keeper,\nlights the lamp.", "She keeps goats!", "No stop here", "End"],
  );
});

test("a line is split at highlighted ranges", () => {
  assert.deepEqual(segments("abcdef", 10, [{ start: 12, end: 14 }]), [
    { text: "ab", marked: false },
    { text: "cd", marked: true },
    { text: "ef", marked: false },
  ]);
  assert.deepEqual(segments("abc", 0, [{ start: 5, end: 9 }]), [{ text: "abc", marked: false }]);
});

test("the passage is found among a PDF page's text items, split and spaced as pdf.js gives them", () => {
  const items = ["Section 2", "Mara Quinlan, the ", "keeper, lights the", " lamp every evening.", "She keeps goats.", "Footer"];
  assert.deepEqual(pageMatches(items, "Mara Quinlan, the keeper,\nlights the lamp every evening."), [1, 2, 3]);
  // a passage in another reading order than the page: each sentence found where it is
  assert.deepEqual(pageMatches(items, "She keeps goats. Mara Quinlan, the keeper, lights the lamp every evening."), [1, 2, 3, 4]);
  assert.deepEqual(pageMatches(items, "Nothing on this page at all."), []);
  const hyphenated = ["For 2018, the standard deduc-", "", "tion amount has been increased."];
  assert.deepEqual(pageMatches(hyphenated, "For 2018, the standard deduction amount has been increased."), [0, 2]);
});
