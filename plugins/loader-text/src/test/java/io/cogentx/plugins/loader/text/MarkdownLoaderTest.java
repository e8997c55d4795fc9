package io.cogentx.plugins.loader.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkdownLoaderTest {

  private static final String GUIDE =
      """
      # Guide to *Cogent*

      Cogent answers questions about **your** files. Read [the docs](https://example.org/docs "Docs")
      or see ![a diagram](diagram.png).

      ## Install

      - Download the `zip` file
      - Unpack it
        1. on Linux
        2. on Windows

      | Name  | Age |
      |-------|----:|
      | Alice | 30  |
      | Bob   | 41  |

      ```java
      int x = 1;

      int y = 2;
      ```

      > A quoted
      > remark with ~~old~~ text.

      <!-- a comment nobody should index -->
      <div>Raw <b>HTML</b> block</div>

      ---

      [ref]: https://example.org/ref
      """;

  private final MarkdownLoader loader = new MarkdownLoader();

  private static LoadRequest request(String markdown) {
    return Loads.request(markdown.getBytes(StandardCharsets.UTF_8), "guide.md", "text/markdown");
  }

  @Test
  void rendersReadableTextWithoutMarkupAndTakesTheTitleFromTheFirstH1() throws DocumentException {
    CollectingSink sink = new CollectingSink();
    LoadResult result = loader.load(request(GUIDE), sink, sink);
    String text = sink.joined();

    assertThat(result.title()).isEqualTo("Guide to Cogent");
    assertThat(text)
        .contains("Cogent answers questions about your files. Read the docs or see a diagram.")
        .contains("- Download the zip file\n- Unpack it\n  1. on Linux\n  2. on Windows")
        .contains("Name | Age\nAlice | 30\nBob | 41")
        .contains("int x = 1;\n\nint y = 2;")
        .contains("A quoted remark with old text.")
        .contains("Raw HTML block")
        .doesNotContain("#", "**", "](", "![", "|--", "```", "~~", "https://", "comment", "---");
  }

  @Test
  void emitsOneSegmentPerBlockWithHeadingsKeptWithTheirFirstBlock() throws DocumentException {
    CollectingSink sink = new CollectingSink();
    loader.load(
        request("# Title\n\nFirst para.\n\n## Part\n\nSecond para.\n\nThird para.\n"), sink, sink);

    assertThat(sink.texts())
        .containsExactly("Title\nFirst para.", "Part\nSecond para.", "Third para.");
  }

  @Test
  void hasNoTitleWithoutALevelOneHeading() throws DocumentException {
    LoadResult result =
        loader.load(request("## Only a section\n\nText."), new CollectingSink(), Progress.NONE);

    assertThat(result.title()).isNull();
  }

  @Test
  void usesFrontMatterTitleAndKeepsFrontMatterOutOfTheText() throws DocumentException {
    CollectingSink sink = new CollectingSink();
    LoadResult result =
        loader.load(
            request("---\ntitle: Release notes\nauthor: Ann\n---\n\nAll fixed.\n"), sink, sink);

    assertThat(result.title()).isEqualTo("Release notes");
    assertThat(sink.texts()).containsExactly("All fixed.");
  }

  @Test
  void rejectsMarkdownWithNoTextToIndex() {
    assertThatThrownBy(
            () ->
                loader.load(
                    request("![](a.png)\n\n---\n<!-- x -->\n"),
                    new CollectingSink(),
                    Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void claimsMarkdownTypes() {
    assertThat(loader.mediaTypes()).contains("text/markdown", "text/x-markdown");
    assertThat(loader.fileExtensions()).containsExactlyInAnyOrder("md", "markdown");
  }
}
