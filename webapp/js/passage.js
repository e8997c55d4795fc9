// Passages as people read them: a PDF's column line breaks joined back into paragraphs, list items kept on their own
// lines, table rows (cells the PDF loader separates with " | ") as a table with its header, and the sentences an
// answer rests on found in the passage so they can be highlighted. Plain data in, plain data out: the DOM is built
// elsewhere, always as text.

export const CELL = " | ";
const LIST_ITEM = /^(?:[•·▪◦‣∙*–-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)/;

/** The lines of `text` with where each starts: [{text, start}]. */
function lines(text, from = 0, to = text.length) {
  const out = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf("\n", start);
    if (end < 0 || end > to) end = to;
    out.push({ text: text.slice(start, end), start });
    start = end + 1;
  }
  return out;
}

const isRow = (line) => line.text.includes(CELL);
const cellsOf = (line) => line.text.split(CELL).map((c) => c.trim());

/**
 * The passage as blocks: {type: "paragraph", lines: [{text, start}], breaks: [bool]} where breaks[i] tells whether
 * line i starts a new visual line (a list item) rather than continuing the previous one, or {type: "table", header:
 * [cells] | null, rows: [{cells, start, end, label}]} for table rows, where a line without cells between rows is a
 * label row spanning the table ("Single", "Married filing jointly").
 */
export function blocksOf(text) {
  const blocks = [];
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) blocks.push(...splitTables(paragraph));
    paragraph = [];
  };
  for (const line of lines(text)) {
    if (line.text.trim() === "") flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

function splitTables(paragraph) {
  const out = [];
  let i = 0;
  while (i < paragraph.length) {
    if (isRow(paragraph[i])) {
      let j = i;
      // a table runs over rows and the label lines between rows
      while (j < paragraph.length && (isRow(paragraph[j]) || (j + 1 < paragraph.length && isRow(paragraph[j + 1]) && j > i))) j++;
      out.push(table(paragraph.slice(i, j)));
      i = j;
    } else {
      let j = i;
      while (j < paragraph.length && !isRow(paragraph[j])) j++;
      out.push(prose(paragraph.slice(i, j)));
      i = j;
    }
  }
  return out;
}

function prose(lineList) {
  return {
    type: "paragraph",
    lines: lineList.map((l) => ({ text: l.text.trim(), start: l.start + (l.text.length - l.text.trimStart().length) })),
    breaks: lineList.map((l, i) => i > 0 && (LIST_ITEM.test(l.text.trim()) || /[:;]$/.test(lineList[i - 1].text.trim()))),
  };
}

/** Leading rows without digits are the header ("IF your filing | AND the number in"), merged column by column. */
function table(lineList) {
  const rows = lineList.map((l) => ({
    cells: isRow(l) ? cellsOf(l) : [l.text.trim()],
    label: !isRow(l),
    start: l.start,
    end: l.start + l.text.length,
  }));
  // header: the leading rows without figures (at most 3); a table of words alone gets its first row
  const hasFigures = (r) => /\d/.test(r.cells.join(""));
  let headerRows = 0;
  if (rows.some(hasFigures)) {
    while (headerRows < Math.min(3, rows.length - 1) && !rows[headerRows].label && !hasFigures(rows[headerRows])) headerRows++;
  } else if (rows.length > 1 && !rows[0].label) {
    headerRows = 1;
  }
  const width = Math.max(...rows.map((r) => r.cells.length));
  if (headerRows === 0) {
    return { type: "table", header: null, start: lineList[0].start, rows, width };
  }
  const header = [];
  for (const row of rows.slice(0, headerRows)) {
    row.cells.forEach((cell, c) => (header[c] = header[c] ? `${header[c]} ${cell}` : cell));
  }
  return { type: "table", header, start: lineList[0].start, rows: rows.slice(headerRows), width };
}

/**
 * Where `needle` occurs in `text` when white space is ignored (an extractive answer's sentence has its line breaks
 * collapsed, and may end in " …" when it was cut): {start, end} in `text`, or null.
 */
export function locate(text, needle) {
  const wanted = needle.replace(/\s*…$/, "").replace(/\s+/g, "");
  if (!wanted) return null;
  const squeezed = [];
  const at = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i])) {
      squeezed.push(text[i]);
      at.push(i);
    }
  }
  const found = squeezed.join("").indexOf(wanted);
  if (found < 0) return null;
  return { start: at[found], end: at[found + wanted.length - 1] + 1 };
}

/**
 * How to show an extractive answer's sentence taken from `sourceText`: {type: "table", header, rows, width} when it
 * covers table rows (with the table's header even when the sentence starts below it), else {type: "text", text}.
 */
export function partView(part, sourceText) {
  const range = sourceText == null ? null : locate(sourceText, part.text);
  if (range) {
    for (const block of blocksOf(sourceText)) {
      if (block.type !== "table") continue;
      const rows = block.rows.filter((r) => r.end > range.start && r.start < range.end);
      if (rows.length === 0) continue;
      const before = range.start < block.start ? sourceText.slice(range.start, block.start).trim() : "";
      const after = sourceText.slice(Math.min(range.end, rows[rows.length - 1].end), range.end).trim();
      return {
        type: "table",
        header: block.header,
        rows,
        width: block.width,
        before: reflow(before),
        after: reflow(after),
      };
    }
  }
  return { type: "text", text: range ? reflow(sourceText.slice(range.start, range.end)) : part.text };
}

/** Text with single line breaks joined (list items keep theirs). */
export function reflow(text) {
  return blocksOf(text)
    .map((b) =>
      b.type === "table"
        ? b.rows.map((r) => r.cells.join(" | ")).join("\n")
        : b.lines.map((l, i) => (i === 0 ? "" : b.breaks[i] ? "\n" : " ") + l.text).join(""),
    )
    .join("\n\n");
}

const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(
  "a an and are as at be by for from has have he her his i in is it its of on or she that the their them they this to was were will with you your".split(" "),
);

function words(text) {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** The sentences of `text` with their ranges: [{start, end}]; single line breaks do not end a sentence. */
export function sentenceRanges(text) {
  const out = [];
  const push = (from, to) => {
    const body = text.slice(from, to);
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed.length > 1) out.push({ start: from + lead, end: from + lead + trimmed.length });
  };
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["')\]]*(?=\s|$)|\n\s*\n/g)) {
    push(start, m[0].startsWith("\n") ? m.index : m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/**
 * The ranges of `sourceText` an answer rests on: an extractive answer's sentences from this source where they are
 * found, else, for each claim (an answer sentence citing this source), the source sentence sharing most of its words
 * (at least half of them). Sorted, without overlaps.
 */
export function supportRanges(sourceText, { parts = [], claims = [] } = {}) {
  const ranges = [];
  for (const part of parts) {
    const range = locate(sourceText, part.text);
    if (range) ranges.push(range);
  }
  if (ranges.length === 0 && claims.length) {
    const sentences = sentenceRanges(sourceText).map((r) => ({ ...r, words: words(sourceText.slice(r.start, r.end)) }));
    for (const claim of claims) {
      const wanted = words(claim);
      if (wanted.size === 0) continue;
      let best = null;
      let bestScore = 0;
      for (const s of sentences) {
        let shared = 0;
        for (const w of wanted) if (s.words.has(w)) shared++;
        const score = shared / wanted.size;
        if (score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
      if (best && bestScore >= 0.5) ranges.push({ start: best.start, end: best.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * The sentences of a model's answer that cite source `n`, without their markers: what the passage should support.
 */
export function claimsCiting(answer, n) {
  const claims = [];
  for (const sentence of answer.split(/(?<=[.!?])\s+|\n+/)) {
    const cited = [...sentence.matchAll(/\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g)].flatMap((m) =>
      m[1].split(/[,;]/).map((x) => Number(x.trim())),
    );
    if (cited.includes(n)) claims.push(sentence.replace(/\[[\d,;\s]+\]/g, "").trim());
  }
  return claims;
}

/** Splits `text` (starting at offset `start` of its passage) at highlighted ranges: [{text, marked}]. */
export function segments(text, start, ranges) {
  const out = [];
  let at = 0;
  for (const r of ranges) {
    const from = Math.max(0, r.start - start);
    const to = Math.min(text.length, r.end - start);
    if (to <= at || from >= text.length) continue;
    if (from > at) out.push({ text: text.slice(at, from), marked: false });
    out.push({ text: text.slice(Math.max(from, at), to), marked: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

const squeeze = (text) => text.toLowerCase().replace(/[\s\u00ad]+/g, "");

/**
 * Which of a PDF page's text items (pdf.js text content strings, in their order) show `target`, ignoring case and
 * white space: the items covering each of its sentences where the page has it in one run; failing that, the longer
 * items (12+ characters) that occur in it. Indices, in order.
 */
export function pageMatches(items, target) {
  const owner = [];
  let page = "";
  const squeezed = items.map(squeeze);
  squeezed.forEach((item, i) => {
    // a word hyphenated across lines on the page ("deduc-" + "tion") is one word in the passage
    const next = squeezed.slice(i + 1).find((n) => n.length > 0) ?? "";
    const s = /\p{Ll}[-\u00ad]$/u.test(item) && /^\p{Ll}/u.test(next) ? item.slice(0, -1) : item;
    page += s;
    for (let k = 0; k < s.length; k++) owner.push(i);
  });
  const hits = new Set();
  const sentences = sentenceRanges(target).map((r) => squeeze(target.slice(r.start, r.end)));
  for (const wanted of [squeeze(target), ...sentences]) {
    if (wanted.length < 8) continue;
    const at = page.indexOf(wanted);
    if (at < 0) continue;
    for (let k = at; k < at + wanted.length; k++) hits.add(owner[k]);
    if (wanted === squeeze(target)) break;
  }
  if (hits.size === 0) {
    const whole = squeeze(target);
    items.forEach((item, i) => {
      const s = squeeze(item);
      if (s.length >= 12 && whole.includes(s)) hits.add(i);
    });
  }
  return [...hits].sort((a, b) => a - b);
}
