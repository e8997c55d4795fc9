package io.cogentx.plugins.loader.office;

import org.xml.sax.SAXException;

/**
 * The limits of one reading, checked as text arrives: the user's cancellation, the time limit, the
 * most characters read (Tika's write limit) and the most text a small zipped file may unpack to (a
 * zip bomb). Counting happens on the reading thread; {@link #cancel} and the outcome are safe to
 * use from others.
 */
final class Guard {

  /** Why reading stopped early. */
  enum Stop {
    /** The user cancelled. */
    CANCELLED,
    /** The time limit passed. */
    TIMEOUT,
    /** Far more text than the file's size allows for real documents: a zip bomb. */
    BOMB,
    /** The most characters were read; the rest is left out. */
    LIMIT
  }

  /** Thrown through the parser to stop it. */
  static final class Stopped extends SAXException {
    private static final long serialVersionUID = 1L;
    private final transient Stop stop;

    Stopped(Stop stop) {
      super("reading stopped: " + stop);
      this.stop = stop;
    }

    Stop stop() {
      return stop;
    }
  }

  private final long deadlineNanos;
  private final long maxCharacters;
  private final long bombCharacters;
  private volatile boolean cancelled;
  private volatile Stop stop;
  private long characters;

  /**
   * @param fileBytes the size of the file read, for the zip-bomb ratio
   */
  Guard(OfficeSettings settings, long fileBytes) {
    this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
    this.maxCharacters = settings.maxCharacters();
    long ratio = settings.maxCompressionRatio();
    this.bombCharacters =
        Math.max(
            OfficeSettings.BOMB_GRACE_CHARACTERS,
            fileBytes > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : fileBytes * ratio);
  }

  /** Asks the reading to stop at its next piece of text. */
  void cancel() {
    cancelled = true;
  }

  /** Checks cancellation and time; called at every element. */
  void check() throws Stopped {
    if (stop != null) {
      throw new Stopped(stop);
    }
    if (cancelled) {
      throw stopWith(Stop.CANCELLED);
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw stopWith(Stop.TIMEOUT);
    }
  }

  /** Counts {@code n} more characters of text, stopping the reading when a limit is passed. */
  void count(int n) throws Stopped {
    check();
    characters += n;
    if (characters > bombCharacters) {
      throw stopWith(Stop.BOMB);
    }
    if (characters > maxCharacters) {
      throw stopWith(Stop.LIMIT);
    }
  }

  /** Whether the time limit has passed (for the thread waiting on the reading). */
  boolean overdue() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  private Stopped stopWith(Stop reason) {
    if (stop == null) {
      stop = reason;
    }
    return new Stopped(stop);
  }

  /** Records a stop found outside the text (e.g. the waiting thread saw the time run out). */
  void stopped(Stop reason) {
    if (stop == null) {
      stop = reason;
    }
  }

  /** Why reading stopped early, or null. */
  Stop stop() {
    return stop;
  }

  long characters() {
    return characters;
  }

  long maxCharacters() {
    return maxCharacters;
  }
}
