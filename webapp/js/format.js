// Small formatting helpers shared by the panels.

export function formatBytes(n) {
  if (!Number.isFinite(n)) return "";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** 1285 → "1,285". */
export function formatCount(n) {
  return Number(n).toLocaleString("en-US");
}

/** "1 passage", "3 passages". */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A time in a recording: "00:07", "02:13", "1:02:05" past an hour (whole seconds, rounded down). */
export function formatSeconds(s) {
  const total = Math.max(0, Math.floor(s));
  const h = Math.floor(total / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, "0");
  const sec = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${m}:${sec}` : `${m}:${sec}`;
}

/**
 * Where a cited chunk sits: its location ("slide 2", "sheet Revenue"), page ("p. 3") or time range
 * ("00:07–00:11"), or "" when the document has none of them.
 */
export function formatLocation(source) {
  const parts = [];
  if (source.location) parts.push(source.location);
  if (source.page != null) parts.push(`p. ${source.page}`);
  else if (source.start_seconds != null) {
    const end = source.end_seconds != null ? `–${formatSeconds(source.end_seconds)}` : "";
    parts.push(`${formatSeconds(source.start_seconds)}${end}`);
  }
  return parts.join(", ");
}

export function formatDateTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "in 23 h", "in 5 min", "in 40 s" (or "now") until a future instant. */
export function formatFromNow(iso, now = Date.now()) {
  const ms = new Date(iso).getTime() - now;
  if (!Number.isFinite(ms)) return "";
  if (ms <= 0) return "now";
  const s = Math.round(ms / 1000);
  if (s < 90) return `in ${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `in ${min} min`;
  return `in ${Math.round(min / 60)} h`;
}

/** Creates an element with attributes and children (strings become text nodes: never parsed as HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
