// A model's answer as a document: Markdown (lists, tables, code, emphasis) rendered by marked and sanitised by
// DOMPurify, both served from this server (vendor/, unpacked from their WebJars). Raw HTML in the answer is shown
// as text, images as their description, headings below the question's level, and only http(s)/mailto links survive
// (opening in a new tab without a referrer). Citation markers [n] become chips afterwards, on the sanitised DOM.

import DOMPurify from "../vendor/dompurify/purify.es.mjs";
import { Marked } from "../vendor/marked/marked.esm.js";

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const markdown = new Marked({ gfm: true, breaks: false, async: false });
markdown.use({
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    image({ text }) {
      return escapeHtml(text ?? "");
    },
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 3); // the question is an h3
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

const purify = DOMPurify;
purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  }
});

const SANITIZE = {
  ALLOWED_TAGS: [
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "a", "h4", "h5", "h6", "sup", "sub",
  ],
  ALLOWED_ATTR: ["href", "title", "align", "start", "colspan", "rowspan"],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  RETURN_DOM_FRAGMENT: true,
};

/** The Markdown `text` as a sanitised DocumentFragment. */
export function renderMarkdown(text) {
  return purify.sanitize(markdown.parse(text ?? ""), SANITIZE);
}

const MARKERS = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/**
 * Replaces citation markers ("[2]", "[1, 3]") in the text of `root` with what `chip(n)` makes for each number,
 * when `known(n)` holds for all of them; text in code, pre and links is left alone.
 */
export function linkCitations(root, known, chip) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("code, pre, a") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
  for (const node of texts) {
    const value = node.nodeValue;
    const parts = [];
    let last = 0;
    for (const match of value.matchAll(MARKERS)) {
      const numbers = match[1].split(/[,;]/).map((x) => Number(x.trim()));
      if (!numbers.every(known)) continue;
      parts.push(value.slice(last, match.index), ...numbers.map(chip));
      last = match.index + match[0].length;
    }
    if (last === 0) continue;
    parts.push(value.slice(last));
    node.replaceWith(...parts.filter((p) => p !== ""));
  }
}
