package io.cogentx.answer;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The citation markers of an answer: {@code [2]}, {@code [1, 3]} or {@code [1][3]}. */
public final class Citations {

  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)]");

  private Citations() {}

  /** The distinct source numbers cited in {@code text}, ascending; numbers beyond are ignored. */
  public static List<Integer> in(String text, int sources) {
    TreeSet<Integer> cited = new TreeSet<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      for (String n : m.group(1).split("\\s*[,;]\\s*")) {
        int value = Integer.parseInt(n);
        if (value >= 1 && value <= sources) {
          cited.add(value);
        }
      }
    }
    return List.copyOf(cited);
  }

  /** The sources whose numbers are among {@code numbers}, in their order. */
  public static List<Source> cited(List<Source> sources, List<Integer> numbers) {
    return sources.stream().filter(s -> numbers.contains(s.n())).toList();
  }
}
