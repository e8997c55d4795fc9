// How one answer looks: a model's answer as sanitised Markdown with citation chips; an extractive answer as the
// quoted sentences first, each apart (a table row as a small table with its header); the passages below, reflowed,
// with the sentences the answer rests on highlighted and cited ones labelled "cited" (not by colour alone).
// Every string from a document is set as text, never parsed as HTML.

import { el, formatLocation } from "./format.js";
import { linkCitations, renderMarkdown } from "./markdown.js";
import { blocksOf, claimsCiting, partView, segments, supportRanges } from "./passage.js";

/** The answer's body for `turn` (its data), with chips made by `chip(source)`. */
export function answerBody(turn, chip) {
  const sources = new Map((turn.sources ?? []).map((s) => [s.n, s]));
  const known = (n) => sources.has(n);
  const makeChip = (n) => chip(sources.get(n));
  if (turn.abstained) {
    return [
      el("p", { class: "answer-text" }, turn.answer || "I could not find this in your documents."),
      sources.size
        ? el("p", { class: "answer-note" }, "These passages came closest. Check them yourself: the answer may be worded differently there.")
        : null,
    ];
  }
  if (turn.parts?.length) {
    return [
      el("p", { class: "answer-lead" }, "Found in your documents:"),
      ...turn.parts.map((part) => partNode(part, sources.get(part.source), makeChip)),
    ];
  }
  if (turn.backend === "extractive") {
    // streaming an extractive answer: plain text (it is document text), chips for its markers
    const p = el("p", { class: "answer-text" }, turn.answer);
    linkCitations(p, known, makeChip);
    return [p];
  }
  const fragment = renderMarkdown(turn.answer);
  linkCitations(fragment, known, makeChip);
  return [fragment];
}

function partNode(part, source, makeChip) {
  const view = partView(part, source?.text);
  const chipNode = source ? makeChip(part.source) : null;
  if (view.type === "table") {
    return el(
      "div",
      { class: "answer-part answer-table" },
      view.before ? el("p", {}, view.before) : null,
      tableNode(view, []),
      view.after ? el("p", {}, view.after) : null,
      chipNode,
    );
  }
  return el("p", { class: "answer-part" }, view.text, " ", chipNode);
}

/** A table block or table view: header row (if any), rows; label rows span the table; rows in `ranges` marked. */
export function tableNode(view, ranges) {
  const width = Math.max(1, view.width ?? 1);
  const head = view.header
    ? el("thead", {}, el("tr", {}, ...pad(view.header, width).map((cell) => el("th", { scope: "col" }, cell))))
    : null;
  const body = el(
    "tbody",
    {},
    ...view.rows.map((row) => {
      const marked = ranges.some((r) => r.end > row.start && r.start < row.end);
      const cells = row.label
        ? [el("th", { scope: "rowgroup", colspan: String(width), class: "row-label" }, row.cells[0])]
        : pad(row.cells, width).map((cell) => el("td", {}, cell));
      return el("tr", { class: marked ? "support" : null }, ...cells);
    }),
  );
  return el("div", { class: "table-scroll" }, el("table", { class: "passage-table" }, head, body));
}

function pad(cells, width) {
  return cells.length >= width ? cells : [...cells, ...Array(width - cells.length).fill("")];
}

/** A passage: paragraphs reflowed (list items on their own line), tables as tables, `ranges` highlighted. */
export function passageNode(text, ranges) {
  return el(
    "div",
    { class: "source-text" },
    ...blocksOf(text).map((block) => {
      if (block.type === "table") return tableNode(block, ranges);
      const children = [];
      block.lines.forEach((line, i) => {
        if (i > 0) {
          // the line break joined: a space, marked when the highlight runs on across it
          const across = ranges.some((r) => r.start < line.start && r.end > line.start);
          children.push(block.breaks[i] ? el("br") : across ? el("mark", {}, " ") : " ");
        }
        for (const seg of segments(line.text, line.start, ranges)) {
          children.push(seg.marked ? el("mark", {}, seg.text) : seg.text);
        }
      });
      return el("p", {}, ...children);
    }),
  );
}

/** Where the answer rests in `source`'s passage. */
export function rangesFor(turn, source) {
  return supportRanges(source.text ?? "", {
    parts: (turn.parts ?? []).filter((p) => p.source === source.n),
    claims: turn.abstained || turn.parts?.length ? [] : claimsCiting(turn.answer ?? "", source.n),
  });
}

/**
 * The sources list: a heading ("Sources", or "Closest passages" for an abstention) and one disclosure per source,
 * its summary saying "cited" in words when the answer cites it; `extra(source, highlight)` may add controls (open
 * the page with `highlight`, the passage's text the answer rests on, marked).
 */
export function sourcesSection(turn, idOf, extra = () => null) {
  const cited = new Set(turn.citations ?? []);
  const finished = turn.state !== "streaming";
  return [
    el("h4", { class: "sources-heading" }, turn.abstained ? "Closest passages" : "Sources"),
    ...(turn.sources ?? []).map((s) => {
      const where = formatLocation(s);
      const ranges = rangesFor(turn, s);
      const highlight = ranges.length ? ranges.map((r) => s.text.slice(r.start, r.end)).join(" ") : (s.text ?? "");
      const isCited = finished && cited.has(s.n);
      return el(
        "details",
        { class: `source${isCited ? " cited" : ""}`, id: idOf(s.n), dataset: { n: s.n } },
        el(
          "summary",
          {},
          el("span", { class: "source-n" }, s.n),
          " ",
          el("span", { class: "source-title" }, s.title || "Untitled"),
          where ? el("span", { class: "source-where" }, ` · ${where}`) : null,
          isCited ? el("span", { class: "cited-label" }, "cited") : null,
        ),
        passageNode(s.text ?? "", ranges),
        extra(s, highlight),
      );
    }),
  ];
}
