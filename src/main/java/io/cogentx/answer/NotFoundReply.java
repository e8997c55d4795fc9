package io.cogentx.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a model's reply is the "not in your documents" sentence the prompt asks for when
 * the sources do not answer ({@link PromptBuilder}): the reply, in lower case with citation
 * markers, quotes and punctuation dropped and "couldn't" read as "could not", begins with {@link
 * AbstentionPolicy#NOT_FOUND} and cites no source. A reply that answers and then says some part was
 * not found cites a source, and is an answer.
 */
public final class NotFoundReply {

  private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final String PHRASE = normalise(AbstentionPolicy.NOT_FOUND);

  private NotFoundReply() {}

  /** Whether {@code reply} is the model saying the sources do not hold the answer. */
  public static boolean is(String reply) {
    if (reply == null || MARKER.matcher(reply).find()) {
      return false;
    }
    String n = normalise(reply);
    return !PHRASE.isEmpty() && (n.equals(PHRASE) || n.startsWith(PHRASE + " "));
  }

  static String normalise(String text) {
    String lower =
        text.toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replace("couldn't", "could not")
            .replace("can't", "cannot");
    return NOT_WORD.matcher(lower).replaceAll(" ").strip();
  }
}
