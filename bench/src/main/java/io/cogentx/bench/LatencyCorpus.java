package io.cogentx.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents of the search-latency session, in the order they are added: the SQuAD dev articles
 * in parts of up to {@value #SQUAD_PART} paragraphs, then SciFact abstracts in groups of {@value
 * #SCIFACT_GROUP} (title line and abstract, blank line between), then further copies of the SQuAD
 * parts with "(copy n)" in the title. A caller stops taking documents once it has enough chunks.
 */
final class LatencyCorpus {

  static final int SQUAD_PART = 60;
  static final int SCIFACT_GROUP = 100;

  /** One document to add. */
  record Doc(String title, String text, Kind kind) {}

  enum Kind {
    SQUAD,
    SCIFACT,
    COPY
  }

  private LatencyCorpus() {}

  /** The documents, with up to {@code copies} extra rounds of the SQuAD parts at the end. */
  static List<Doc> documents(SquadData squad, List<SciFactData.Abstract> scifact, int copies) {
    List<Doc> squadParts = new ArrayList<>();
    for (SquadData.Article article : squad.articles()) {
      List<String> p = article.paragraphs();
      for (int from = 0; from < p.size(); from += SQUAD_PART) {
        int to = Math.min(p.size(), from + SQUAD_PART);
        squadParts.add(
            new Doc(
                article.title() + " (paragraphs " + (from + 1) + "–" + to + ")",
                String.join("\n\n", p.subList(from, to)),
                Kind.SQUAD));
      }
    }
    List<Doc> all = new ArrayList<>(squadParts);
    for (int from = 0; from < scifact.size(); from += SCIFACT_GROUP) {
      int to = Math.min(scifact.size(), from + SCIFACT_GROUP);
      StringBuilder text = new StringBuilder();
      for (SciFactData.Abstract abs : scifact.subList(from, to)) {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        text.append(abs.title()).append("\n\n").append(abs.text());
      }
      all.add(new Doc("SciFact abstracts " + (from + 1) + "–" + to, text.toString(), Kind.SCIFACT));
    }
    for (int copy = 2; copy < 2 + copies; copy++) {
      for (Doc d : squadParts) {
        all.add(new Doc(d.title() + " (copy " + copy + ")", d.text(), Kind.COPY));
      }
    }
    return all;
  }

  /** What the first documents of {@link #documents} hold, for the results file. */
  static String describe(List<Doc> added) {
    long squad = added.stream().filter(d -> d.kind() == Kind.SQUAD).count();
    long scifact = added.stream().filter(d -> d.kind() == Kind.SCIFACT).count();
    long copies = added.stream().filter(d -> d.kind() == Kind.COPY).count();
    return String.format(
        "SQuAD dev: %d documents (articles in parts of <= %d paragraphs); SciFact: %d"
            + " documents of <= %d abstracts; %d copied SQuAD documents",
        squad, SQUAD_PART, scifact, SCIFACT_GROUP, copies);
  }
}
