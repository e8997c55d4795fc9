package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static final WordCounter WORDS = new WordCounter();

  /** "S{n} w1 w2 … end." with {@code words} words. */
  private static String sentence(int n, int words) {
    return "S"
        + n
        + IntStream.range(1, words - 1).mapToObj(i -> " w" + i).collect(Collectors.joining())
        + " end.";
  }

  private static String paragraph(int firstSentence, int sentences, int wordsEach) {
    return IntStream.range(firstSentence, firstSentence + sentences)
        .mapToObj(i -> sentence(i, wordsEach))
        .collect(Collectors.joining(" "));
  }

  /** Checks what every chunking must satisfy and returns the chunks. */
  private static List<Chunk> checkedChunks(Chunker chunker, List<Segment> segments) {
    String fullText = Chunker.fullText(segments);
    List<Chunk> chunks = chunker.chunk("doc", "Title", segments);
    boolean[] covered = new boolean[fullText.length()];
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      assertThat(chunk.position()).isEqualTo(i);
      assertThat(chunk.text())
          .isEqualTo(fullText.substring(chunk.startOffset(), chunk.endOffset()));
      assertThat(chunk.text()).isNotBlank().isEqualTo(chunk.text().strip());
      assertThat(WORDS.applyAsInt(chunk.text())).isLessThanOrEqualTo(chunker.maxTokens());
      assertThat(chunk.documentId()).isEqualTo("doc");
      assertThat(chunk.title()).isEqualTo("Title");
      if (i > 0) {
        assertThat(chunk.startOffset()).isGreaterThan(chunks.get(i - 1).startOffset());
        assertThat(chunk.endOffset()).isGreaterThan(chunks.get(i - 1).endOffset());
      }
      for (int c = chunk.startOffset(); c < chunk.endOffset(); c++) {
        covered[c] = true;
      }
    }
    for (int c = 0; c < fullText.length(); c++) {
      if (!Character.isWhitespace(fullText.charAt(c))) {
        assertThat(covered[c]).as("character %d is in some chunk", c).isTrue();
      }
    }
    return chunks;
  }

  @Test
  void fullTextJoinsNonBlankSegmentsWithABlankLine() {
    List<Segment> segments =
        List.of(Segment.of("One."), Segment.of("  "), Segment.of(""), Segment.of("Two.\nThree."));

    assertThat(Chunker.fullText(segments)).isEqualTo("One.\n\nTwo.\nThree.");
  }

  @Test
  void invariantsHoldOnSquadParagraphs() throws IOException {
    Optional<Path> squad = SquadContexts.locate();
    Assumptions.assumeTrue(
        squad.isPresent(),
        "SQuAD dev set (shared/data/qa/squad-dev-v1.1.json) not found: skipping the real-data test");
    List<Segment> segments =
        SquadContexts.first(squad.get(), 50).stream().map(Segment::of).toList();
    assertThat(segments).hasSize(50);

    List<Chunk> defaults = checkedChunks(new Chunker(WORDS), segments);
    List<Chunk> small = checkedChunks(new Chunker(WORDS, 40, 10), segments);

    int words = WORDS.applyAsInt(Chunker.fullText(segments));
    assertThat(defaults.size()).isBetween(words / 200, words / 100);
    assertCutsOnlyInsideOverlongSentences(segments, defaults, 200);
    assertCutsOnlyInsideOverlongSentences(segments, small, 40);
  }

  /** Every chunk starts and ends at a sentence boundary unless that sentence alone is too long. */
  private static void assertCutsOnlyInsideOverlongSentences(
      List<Segment> segments, List<Chunk> chunks, int maxTokens) {
    String fullText = Chunker.fullText(segments);
    List<Span> sentences = new SentenceSplitter().split(fullText, 0, fullText.length());
    for (Chunk chunk : chunks) {
      for (int offset : new int[] {chunk.startOffset(), chunk.endOffset() - 1}) {
        Span sentence =
            sentences.stream()
                .filter(sp -> sp.start() <= offset && offset < sp.end())
                .findFirst()
                .orElseThrow();
        boolean atBoundary =
            offset == chunk.startOffset()
                ? sentence.start() == offset
                : sentence.end() == chunk.endOffset();
        if (!atBoundary) {
          assertThat(WORDS.applyAsInt(sentence.of(fullText)))
              .as("chunk %d is cut inside a sentence, which must be too long", chunk.position())
              .isGreaterThan(maxTokens);
        }
      }
    }
  }

  @Test
  void packsWholeSentencesAndRepeatsTheLastOneAsOverlap() {
    // 10 sentences of 8 words; 30 words per chunk hold 3 sentences, 10 words of overlap hold 1.
    List<Segment> segments = List.of(Segment.of(paragraph(0, 10, 8)));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS, 30, 10), segments);

    assertThat(chunks.get(0).text()).isEqualTo(paragraph(0, 3, 8));
    assertThat(chunks.get(1).text()).isEqualTo(paragraph(2, 3, 8));
    assertThat(chunks.get(2).text()).startsWith(sentence(4, 8));
    assertThat(chunks.getLast().text()).endsWith(sentence(9, 8));
  }

  @Test
  void noOverlapWhenOverlapIsZero() {
    List<Chunk> chunks =
        checkedChunks(new Chunker(WORDS, 30, 0), List.of(Segment.of(paragraph(0, 9, 8))));

    assertThat(chunks)
        .extracting(Chunk::text)
        .containsExactly(paragraph(0, 3, 8), paragraph(3, 3, 8), paragraph(6, 3, 8));
  }

  @Test
  void prefersToEndAChunkAtAParagraphWhenItIsHalfFull() {
    // Two paragraphs of 120 words: the first chunk could take 200 words but stops at the paragraph.
    List<Segment> segments =
        List.of(Segment.of(paragraph(0, 12, 10)), Segment.of(paragraph(12, 12, 10)));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS), segments);

    assertThat(chunks)
        .extracting(Chunk::text)
        .containsExactly(segments.get(0).text(), segments.get(1).text());
  }

  @Test
  void mergesShortParagraphsIntoOneChunk() {
    List<Segment> segments =
        List.of(
            Segment.of("Heading"), Segment.of("A short paragraph."), Segment.of("Another one."));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS), segments);

    assertThat(chunks)
        .singleElement()
        .extracting(Chunk::text)
        .isEqualTo("Heading\n\nA short paragraph.\n\nAnother one.");
  }

  @Test
  void keepsAbbreviationsInsideTheirSentence() {
    String text =
        "Dr. Smith works for the U.S. Army, e.g. in Texas. He likes it, i.e. a lot. J. R. R. Tolkien wrote. End.";
    List<Span> spans = new SentenceSplitter().split(text, 0, text.length());

    assertThat(spans.stream().map(s -> s.of(text)))
        .containsExactly(
            "Dr. Smith works for the U.S. Army, e.g. in Texas.",
            "He likes it, i.e. a lot.",
            "J. R. R. Tolkien wrote.",
            "End.");
  }

  @Test
  void splitsASentenceLongerThanTheMaximumBetweenWords() {
    String longSentence =
        IntStream.range(0, 500).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS), List.of(Segment.of(longSentence)));

    assertThat(chunks.size()).isBetween(3, 4);
    for (Chunk chunk : chunks) {
      assertThat(chunk.text()).matches("word\\d+( word\\d+)*");
    }
  }

  @Test
  void splitsLongLinesOfUnpunctuatedTextAtLineBreaksFirst() {
    String csv =
        IntStream.range(0, 100)
            .mapToObj(i -> "row" + i + " a b c")
            .collect(Collectors.joining("\n"));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS, 40, 10), List.of(Segment.of(csv)));

    assertThat(chunks.size()).isGreaterThan(10);
    for (Chunk chunk : chunks) {
      assertThat(chunk.text()).startsWith("row").endsWith(" c");
    }
  }

  @Test
  void cutsAWordLongerThanTheMaximum() {
    String blob = "x".repeat(5_000);
    ChunkerCharCounter perFourChars = new ChunkerCharCounter();
    Chunker chunker = new Chunker(perFourChars, 100, 20);
    List<Chunk> chunks =
        chunker.chunk("doc", null, List.of(Segment.of("Before. " + blob + " After.")));

    assertThat(chunks)
        .allSatisfy(c -> assertThat(perFourChars.applyAsInt(c.text())).isLessThanOrEqualTo(100));
    assertThat(String.join("", chunks.stream().map(Chunk::text).toList()))
        .contains("Before.")
        .contains("After.");
  }

  @Test
  void neverSpansTwoPages() {
    List<Segment> segments =
        List.of(
            Segment.onPage(1, "Page one, first part."),
            Segment.onPage(1, "Page one, second part."),
            Segment.onPage(2, "Page two."),
            Segment.onPage(3, paragraph(0, 30, 10)));
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS), segments);

    assertThat(chunks.get(0).text()).isEqualTo("Page one, first part.\n\nPage one, second part.");
    assertThat(chunks.get(0).page()).isEqualTo(1);
    assertThat(chunks.get(1).text()).isEqualTo("Page two.");
    assertThat(chunks.get(1).page()).isEqualTo(2);
    assertThat(chunks.subList(2, chunks.size()))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.page()).isEqualTo(3));
  }

  @Test
  void mergesTimedSegmentsAndKeepsTheirTimeRange() {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      segments.add(Segment.timed(i * 2.0, i * 2.0 + 1.5, "utterance " + i + " has five words"));
    }
    List<Chunk> chunks = checkedChunks(new Chunker(WORDS, 60, 12), segments);

    assertThat(chunks.size()).isGreaterThan(3);
    // 60 words hold 12 utterances of 5 words; 12 words of overlap repeat the last 2.
    assertThat(chunks.get(0).text())
        .startsWith("utterance 0 has")
        .endsWith("utterance 11 has five words");
    assertThat(chunks.get(0).startSeconds()).isEqualTo(0.0);
    assertThat(chunks.get(0).endSeconds()).isEqualTo(11 * 2.0 + 1.5);
    assertThat(chunks.get(1).text()).startsWith("utterance 10 has");
    assertThat(chunks.get(1).startSeconds()).isEqualTo(10 * 2.0);
    for (Chunk chunk : chunks) {
      int first = Integer.parseInt(chunk.text().split(" ")[1]);
      String[] words = chunk.text().split("\\s+");
      int last = Integer.parseInt(words[words.length - 4]);
      assertThat(chunk.startSeconds()).isEqualTo(first * 2.0);
      assertThat(chunk.endSeconds()).isEqualTo(last * 2.0 + 1.5);
      assertThat(chunk.page()).isNull();
    }
  }

  @Test
  void skipsEmptySegmentsAndReturnsNothingForNoText() {
    List<Chunk> chunks =
        checkedChunks(
            new Chunker(WORDS), List.of(Segment.of(""), Segment.of(" \n"), Segment.of("Hello.")));

    assertThat(chunks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.text()).isEqualTo("Hello.");
              assertThat(c.startOffset()).isZero();
              assertThat(c.endOffset()).isEqualTo(6);
            });
    assertThat(new Chunker(WORDS).chunk("doc", null, List.of(Segment.of("  ")))).isEmpty();
  }

  @Test
  void rejectsSizesThatDoNotFitTheModel() {
    assertThatThrownBy(() -> new Chunker(WORDS, 255, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Chunker(WORDS, 100, 60))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Chunker(WORDS, 254, 0).maxTokens()).isEqualTo(254);
  }

  /** A counter of one token per four characters, white space included. */
  private static final class ChunkerCharCounter
      implements java.util.function.ToIntFunction<String> {
    @Override
    public int applyAsInt(String text) {
      return (text.length() + 3) / 4;
    }
  }

  @Test
  void streamingGivesThePageChunksWhenTheNextPageBeginsAndTheSameChunksAsAWhole() {
    Chunker chunker = new Chunker(WORDS, 12, 4);
    List<Segment> segments = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      segments.add(
          Segment.onPage(
              page,
              "Page " + page + " opens here. It has a second sentence. And a third one follows."));
      segments.add(Segment.onPage(page, "   "));
      segments.add(Segment.onPage(page, "A closing paragraph of page " + page + "."));
    }
    Chunker.Stream stream = chunker.stream("doc", "Title");
    List<Chunk> streamed = new ArrayList<>();
    List<Integer> returnedAfter = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      List<Chunk> done = stream.accept(segments.get(i));
      if (!done.isEmpty()) {
        returnedAfter.add(i);
        assertThat(done).extracting(Chunk::page).containsOnly(segments.get(i - 1).page());
      }
      streamed.addAll(done);
    }
    streamed.addAll(stream.finish());

    assertThat(returnedAfter).containsExactly(3, 6); // when pages 2 and 3 begin
    assertThat(streamed).isEqualTo(chunker.chunk("doc", "Title", segments));
    String full = Chunker.fullText(segments);
    for (Chunk c : streamed) {
      assertThat(full.substring(c.startOffset(), c.endOffset())).isEqualTo(c.text());
    }
    assertThat(streamed).extracting(Chunk::position).isSorted().doesNotHaveDuplicates();
  }
}
