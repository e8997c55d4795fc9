package io.cogentx.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worked example in docs/writing-a-plugin.md is the code the build compiles and tests: every
 * block marked {@code <!-- file: path -->} is that file, word for word.
 */
class DocsExampleTest {

  @Test
  void everyFileShownInTheGuideIsTheFileInTheRepository() throws IOException {
    String guide = Files.readString(Path.of("docs/writing-a-plugin.md"));
    Matcher block =
        Pattern.compile("<!-- file: (\\S+) -->\\n```\\w+\\n(.*?)\\n```", Pattern.DOTALL)
            .matcher(guide);
    int blocks = 0;
    while (block.find()) {
      Path file = Path.of(block.group(1));
      assertThat(file).as("a file the guide shows").isRegularFile();
      assertThat(block.group(2))
          .as(file.toString())
          .isEqualTo(Files.readString(file).stripTrailing());
      blocks++;
    }
    assertThat(blocks).as("files shown in the guide").isGreaterThanOrEqualTo(5);
  }
}
