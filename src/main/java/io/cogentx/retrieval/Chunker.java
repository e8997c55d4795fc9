package io.cogentx.retrieval;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Cuts a document's segments into chunks that fit the embedding model's window (all-MiniLM-L6-v2:
 * 256 tokens including the two special tokens).
 *
 * <p>The document's <em>full text</em> is its non-blank segments joined with {@value #SEPARATOR}
 * ({@link #fullText}); every chunk's text equals {@code fullText.substring(startOffset,
 * endOffset)}. Chunks are packed from whole sentences up to {@code maxTokens}, and a chunk that
 * ends inside a paragraph is followed by one that repeats its last sentences (up to {@code
 * overlapTokens}); a sentence longer than {@code maxTokens} is cut at line breaks, then between
 * words, into pieces of at most {@code overlapTokens} so the overlap still works. A chunk never
 * spans two pages; consecutive timed (audio) segments are merged and the chunk gets the start of
 * its first and the end of its last segment.
 *
 * <p>Token counts of sentences are added up, which is exact for tokenizers that split on white
 * space first (WordPiece, BPE); the default maximum leaves slack for the rest. Linear in the length
 * of the text. Instances are immutable and thread-safe.
 */
public final class Chunker {

  /** The model's window, in tokens. */
  public static final int MODEL_WINDOW = 256;

  /** Tokens the model adds to every input ([CLS] and [SEP]). */
  public static final int SPECIAL_TOKENS = 2;

  public static final int DEFAULT_MAX_TOKENS = 200;
  public static final int DEFAULT_OVERLAP_TOKENS = 40;

  /** What separates segments in the full text. */
  public static final String SEPARATOR = "\n\n";

  private final ToIntFunction<String> tokenCounter;
  private final int maxTokens;
  private final int overlapTokens;

  /**
   * A chunker with the default sizes: {@value #DEFAULT_MAX_TOKENS} tokens at most, {@value
   * #DEFAULT_OVERLAP_TOKENS} of overlap.
   */
  public Chunker(ToIntFunction<String> tokenCounter) {
    this(tokenCounter, DEFAULT_MAX_TOKENS, DEFAULT_OVERLAP_TOKENS);
  }

  /**
   * @param tokenCounter counts model tokens without special tokens, e.g. {@code
   *     embedder::countTokens}
   * @param maxTokens most tokens per chunk, 1 to {@code 256 - 2}
   * @param overlapTokens most tokens repeated from the previous chunk, 0 to {@code maxTokens / 2}
   */
  public Chunker(ToIntFunction<String> tokenCounter, int maxTokens, int overlapTokens) {
    this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    if (maxTokens < 1 || maxTokens > MODEL_WINDOW - SPECIAL_TOKENS) {
      throw new IllegalArgumentException(
          "maxTokens must be 1.." + (MODEL_WINDOW - SPECIAL_TOKENS) + ": " + maxTokens);
    }
    if (overlapTokens < 0 || overlapTokens > maxTokens / 2) {
      throw new IllegalArgumentException(
          "overlapTokens must be 0.." + maxTokens / 2 + ": " + overlapTokens);
    }
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  public int maxTokens() {
    return maxTokens;
  }

  public int overlapTokens() {
    return overlapTokens;
  }

  /** The document's extracted text: non-blank segments joined with {@value #SEPARATOR}. */
  public static String fullText(List<Segment> segments) {
    StringBuilder text = new StringBuilder();
    for (Segment segment : nonBlank(segments)) {
      if (!text.isEmpty()) {
        text.append(SEPARATOR);
      }
      text.append(segment.text());
    }
    return text.toString();
  }

  /**
   * Chunks of a document, positions 0, 1, 2, … in reading order; offsets refer to {@link
   * #fullText(List)} of the same segments. Blank segments are skipped.
   */
  public List<Chunk> chunk(String documentId, String title, List<Segment> segments) {
    Stream stream = stream(documentId, title);
    List<Chunk> chunks = new ArrayList<>();
    for (Segment segment : segments) {
      chunks.addAll(stream.accept(segment));
    }
    chunks.addAll(stream.finish());
    return chunks;
  }

  /** Chunks a document as its segments arrive; see {@link Stream}. */
  public Stream stream(String documentId, String title) {
    return new Stream(Objects.requireNonNull(documentId, "documentId"), title);
  }

  /**
   * Chunks a document while it is read, so its first pages can be indexed before its last are read.
   * A chunk never spans two pages, so the chunks of a page are final once the next page begins:
   * {@link #accept} returns them then, {@link #finish} returns the rest. The chunks, their
   * positions and offsets are exactly those {@link #chunk} makes of all the segments. Not
   * thread-safe: one per document.
   */
  public final class Stream {
    private final String documentId;
    private final String title;
    private final List<Segment> run = new ArrayList<>();
    private int nextPosition;
    private int nextOffset;

    private Stream(String documentId, String title) {
      this.documentId = documentId;
      this.title = title;
    }

    /** Takes the next segment; returns the chunks completed by it (often none). */
    public List<Chunk> accept(Segment segment) {
      if (segment.text().isBlank()) {
        return List.of();
      }
      List<Chunk> done =
          run.isEmpty() || Objects.equals(run.getFirst().page(), segment.page())
              ? List.of()
              : flush();
      run.add(segment);
      return done;
    }

    /** The chunks of the segments taken since the last ones returned. */
    public List<Chunk> finish() {
      return flush();
    }

    private List<Chunk> flush() {
      if (run.isEmpty()) {
        return List.of();
      }
      String text = fullText(run);
      List<Unit> units = new ArrayList<>();
      SentenceSplitter splitter = new SentenceSplitter();
      for (int s = 0, from = 0; s < run.size(); s++) {
        boolean paragraph = run.get(s).startSeconds() == null;
        for (Span sentence : splitter.split(text, from, from + run.get(s).text().length())) {
          addUnits(text, sentence, s, paragraph, units);
          paragraph = false;
        }
        from += run.get(s).text().length() + SEPARATOR.length();
      }
      List<Chunk> chunks = new ArrayList<>();
      pack(units, text, documentId, title, run, nextPosition, nextOffset, chunks);
      nextPosition += chunks.size();
      nextOffset += text.length() + SEPARATOR.length();
      run.clear();
      return chunks;
    }
  }

  /**
   * A sentence or a piece of one: its span, token count, segment, and whether it starts a paragraph
   * (an untimed segment; timed segments are utterances, so they flow on like sentences).
   */
  private record Unit(int start, int end, int tokens, int segment, boolean paragraphStart) {}

  private void addUnits(
      String text, Span sentence, int segment, boolean paragraphStart, List<Unit> units) {
    int tokens = tokenCounter.applyAsInt(sentence.of(text));
    if (tokens <= maxTokens) {
      units.add(new Unit(sentence.start(), sentence.end(), tokens, segment, paragraphStart));
      return;
    }
    // Pieces small enough that the next chunk can repeat one as overlap.
    int pieceLimit = overlapTokens > 0 ? overlapTokens : maxTokens;
    for (LongSentence.Piece piece : LongSentence.cut(text, sentence, pieceLimit, tokenCounter)) {
      units.add(new Unit(piece.start(), piece.end(), piece.tokens(), segment, paragraphStart));
      paragraphStart = false;
    }
  }

  /**
   * Packs units greedily into chunks; see the class comment. Positions start at {@code
   * firstPosition}, offsets are shifted by {@code offset} (where {@code text} starts in the
   * document's full text).
   */
  private void pack(
      List<Unit> units,
      String text,
      String documentId,
      String title,
      List<Segment> segments,
      int firstPosition,
      int offset,
      List<Chunk> out) {
    int n = units.size();
    int first = 0;
    while (first < n) {
      int end = first + 1;
      int tokens = units.get(first).tokens();
      int boundary = -1;
      while (end < n && tokens + units.get(end).tokens() <= maxTokens) {
        if (units.get(end).paragraphStart() && tokens >= maxTokens / 2) {
          boundary = end;
        }
        tokens += units.get(end).tokens();
        end++;
      }
      if (end < n && boundary >= 0 && !units.get(end).paragraphStart()) {
        end = boundary; // prefer ending at a paragraph when the chunk is at least half full
      }
      out.add(
          toChunk(
              units.get(first),
              units.get(end - 1),
              firstPosition + out.size(),
              text,
              offset,
              documentId,
              title,
              segments));
      first = end < n ? overlapStart(units, first, end) : n;
    }
  }

  /**
   * Where the chunk after {@code [first, end)} starts: a few sentences back, unless it starts a
   * paragraph (no overlap reaches back across a paragraph start).
   */
  private int overlapStart(List<Unit> units, int first, int end) {
    Unit next = units.get(end);
    int start = end;
    int tokens = 0;
    while (!units.get(start).paragraphStart()
        && start - 1 > first
        && tokens + units.get(start - 1).tokens() <= overlapTokens) {
      tokens += units.get(start - 1).tokens();
      start--;
    }
    return tokens + next.tokens() <= maxTokens ? start : end;
  }

  private static Chunk toChunk(
      Unit first,
      Unit last,
      int position,
      String text,
      int offset,
      String documentId,
      String title,
      List<Segment> segments) {
    Segment firstSegment = segments.get(first.segment());
    Segment lastSegment = segments.get(last.segment());
    return new Chunk(
        documentId,
        title,
        position,
        text.substring(first.start(), last.end()),
        offset + first.start(),
        offset + last.end(),
        firstSegment.page(),
        firstSegment.startSeconds(),
        lastSegment.endSeconds());
  }

  private static List<Segment> nonBlank(List<Segment> segments) {
    return segments.stream().filter(s -> !s.text().isBlank()).toList();
  }

  /**
   * Cuts a sentence longer than the maximum at line breaks, then between words, then inside words.
   */
  private static final class LongSentence {

    /** A line, word or run of characters, or consecutive ones; {@code inWord}: cut from a word. */
    record Piece(int start, int end, int tokens, boolean inWord) {}

    private LongSentence() {}

    /**
     * Pieces of at most {@code limit} tokens: lines and words are grouped up to the limit (their
     * counts add up); runs cut from inside a word stay alone, as their counts need not add up.
     */
    static List<Piece> cut(String text, Span span, int limit, ToIntFunction<String> counter) {
      List<Piece> atoms = new ArrayList<>();
      atomise(text, span, 0, limit, counter, atoms);
      List<Piece> pieces = new ArrayList<>();
      int i = 0;
      while (i < atoms.size()) {
        int j = i + 1;
        int tokens = atoms.get(i).tokens();
        while (j < atoms.size()
            && !atoms.get(i).inWord()
            && !atoms.get(j).inWord()
            && tokens + atoms.get(j).tokens() <= limit) {
          tokens += atoms.get(j).tokens();
          j++;
        }
        pieces.add(new Piece(atoms.get(i).start(), atoms.get(j - 1).end(), tokens, false));
        i = j;
      }
      return pieces;
    }

    /** Level 0: lines; 1: words; 2: runs of at most {@code limit} characters. */
    private static void atomise(
        String text,
        Span span,
        int level,
        int limit,
        ToIntFunction<String> counter,
        List<Piece> out) {
      List<Span> parts =
          switch (level) {
            case 0 -> splitAt(text, span, '\n');
            case 1 -> words(text, span);
            default -> characters(text, span, limit);
          };
      if (parts.size() == 1 && level < 2) {
        atomise(text, span, level + 1, limit, counter, out);
        return;
      }
      for (Span part : parts) {
        int tokens = counter.applyAsInt(part.of(text));
        if (tokens > limit && level < 2) {
          atomise(text, part, level + 1, limit, counter, out);
        } else {
          out.add(new Piece(part.start(), part.end(), tokens, level == 2));
        }
      }
    }

    private static List<Span> splitAt(String text, Span span, char separator) {
      List<Span> out = new ArrayList<>();
      int start = span.start();
      for (int i = span.start(); i <= span.end(); i++) {
        if (i == span.end() || text.charAt(i) == separator) {
          addTrimmed(text, start, i, out);
          start = i + 1;
        }
      }
      return out;
    }

    private static List<Span> words(String text, Span span) {
      List<Span> out = new ArrayList<>();
      int i = span.start();
      while (i < span.end()) {
        while (i < span.end() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < span.end() && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (start < i) {
          out.add(new Span(start, i));
        }
      }
      return out;
    }

    /**
     * Runs of at most {@code limit} characters (a token covers at least one), never splitting a
     * surrogate pair.
     */
    private static List<Span> characters(String text, Span span, int limit) {
      List<Span> out = new ArrayList<>();
      int start = span.start();
      while (start < span.end()) {
        int end = Math.min(span.end(), start + Math.max(1, limit));
        if (end < span.end()
            && Character.isHighSurrogate(text.charAt(end - 1))
            && end - 1 > start) {
          end--;
        }
        out.add(new Span(start, end));
        start = end;
      }
      return out;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      if (start < end) {
        out.add(new Span(start, end));
      }
    }
  }
}
