// One progress bar per file, 0–100 % across every stage (upload, reading, preparing, making searchable), in plain
// words, with a time estimate. The server reports each stage on its own (pages, then passages); this maps them onto
// one scale that never goes back.

/** Each stage's share of the bar: [from, to] percent. Embedding passages takes most of the time for most files. */
const BANDS = {
  uploading: [0, 10],
  stored: [10, 12],
  extracting: [12, 45],
  ocr: [12, 45],
  chunking: [45, 50],
  embedding: [50, 99],
  indexed: [100, 100],
};

/** Percent (0–100) of the whole job for a stage and its units done out of total. */
export function overallPercent(stage, done = 0, total = 0) {
  const band = BANDS[stage];
  if (!band) return 0;
  const [from, to] = band;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return from + (to - from) * fraction;
}

const count = (n) => Number(n).toLocaleString("en-US");

/**
 * What is happening, in words a person uses: "Reading page 3 of 117", "Making it searchable: 120 of 1,285 passages".
 * `unit` is what reading counts ("page" for PDFs, else parts of the text).
 */
export function stageText(stage, done = 0, total = 0, unit = "page") {
  switch (stage) {
    case "uploading":
      return "Uploading";
    case "stored":
      return "Waiting for its turn";
    case "extracting":
      return unit === "page" && total > 0 ? `Reading page ${count(done)} of ${count(total)}` : "Reading the text";
    case "ocr":
      return `Reading scanned page ${count(done)} of ${count(total)}`;
    case "chunking":
      return "Preparing passages";
    case "embedding":
      return total > 0 ? `Making it searchable: ${count(done)} of ${count(total)} passages` : "Making it searchable";
    case "indexed":
      return "Added";
    default:
      return "Working";
  }
}

/** "about 40 s left", "about 3 min left", or "" while there is no reliable estimate. */
export function formatRemaining(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return "";
  if (seconds < 10) return "a few seconds left";
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}

/**
 * Estimates the time left from how fast the percentage moved over the last `window` milliseconds. Gives null
 * until it has seen at least `minMs` of progress past `minPercent`.
 */
export class RemainingTime {
  #samples = [];

  constructor({ window = 15000, minMs = 2000, minPercent = 12 } = {}) {
    this.window = window;
    this.minMs = minMs;
    this.minPercent = minPercent;
  }

  /** Records `percent` at time `now` (ms) and returns the seconds left, or null. */
  update(percent, now = Date.now()) {
    if (percent < this.minPercent || percent >= 100) return null;
    this.#samples.push({ percent, now });
    while (this.#samples.length > 2 && now - this.#samples[1].now > this.window) this.#samples.shift();
    const first = this.#samples[0];
    const elapsed = now - first.now;
    const gained = percent - first.percent;
    if (elapsed < this.minMs || gained <= 0) return null;
    return ((100 - percent) / gained) * (elapsed / 1000);
  }
}

/** Tracks one file: a percentage that never goes back, its words and the time left. */
export class FileProgress {
  #percent = 0;
  #remaining = new RemainingTime();

  constructor(unit = "page", clock = () => Date.now()) {
    this.unit = unit;
    this.clock = clock;
  }

  get percent() {
    return this.#percent;
  }

  /** Updates from a stage report; returns {percent, text} for the row. */
  update(stage, done, total) {
    this.#percent = Math.max(this.#percent, overallPercent(stage, done, total));
    const left = formatRemaining(this.#remaining.update(this.#percent, this.clock()));
    const words = stageText(stage, done, total, this.unit);
    const percent = Math.floor(this.#percent);
    return { percent, text: [words, `${percent} %`, left].filter(Boolean).join(" · ") };
  }
}
