package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the installed loaders reads an upload: content first, then name and declared type. */
class LoadersTest {

  @TempDir Path dir;

  private final Loaders loaders = installed();

  private static Loaders installed() {
    List<Loaders.Named> all = new ArrayList<>();
    for (DocumentLoaderProvider p : ServiceLoader.load(DocumentLoaderProvider.class)) {
      try {
        all.add(new Loaders.Named(p.name(), p.create(PluginContext.of(Map.of()))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return new Loaders(all, new ContentTypes());
  }

  private Loaders.Choice choose(byte[] bytes, String name, String declared) throws Exception {
    Path file = Files.write(Files.createTempFile(dir, "u", ".bin"), bytes);
    return loaders.choose(file, name, declared);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aPdfIsReadAsAPdfWhateverItIsCalled() throws Exception {
    byte[] pdf = latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n");
    assertThat(choose(pdf, "report.txt", "text/plain").loader().name()).isEqualTo("pdf");
    assertThat(choose(pdf, null, "application/octet-stream").loader().name()).isEqualTo("pdf");
  }

  @Test
  void aPdfNamedLikeARecordingIsRefusedNotReadAsAPdf() {
    byte[] pdf = latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n");
    for (String name : List.of("talk.wav", "meeting.mp3", "lecture.mp4")) {
      assertThatThrownBy(() -> choose(pdf, name, null))
          .isInstanceOfSatisfying(
              DocumentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DocumentException.Reason.DAMAGED);
                assertThat(e.getMessage()).contains(name).contains("application/pdf");
              });
    }
  }

  @Test
  void recordingsGoToTheAudioLoaderByTheirBytesWhateverTheirName() throws Exception {
    byte[] wav = new byte[64];
    System.arraycopy(latin1("RIFF"), 0, wav, 0, 4);
    System.arraycopy(latin1("WAVEfmt "), 0, wav, 8, 8);
    assertThat(choose(wav, "talk.wav", null).loader().name()).isEqualTo("audio");
    assertThat(choose(wav, "talk.bin", null).loader().name()).isEqualTo("audio");
  }

  @Test
  void aNoteThatMentionsAPdfHeaderIsStillANote() throws Exception {
    byte[] note = latin1("%PDF-1.4 is how every PDF file starts.\nMore notes.\n");
    assertThat(choose(note, "notes.txt", "text/plain").loader().name()).isEqualTo("text");
    assertThat(choose(note, null, "text/plain").loader().name())
        .as("pasted text")
        .isEqualTo("text");
  }

  @Test
  void aTypeWithoutALoaderOfItsOwnGoesToTheLoaderOfWhatItSpecialises() throws Exception {
    Loaders.Choice log = choose(latin1("12:00 started\n12:01 stopped\n"), "server.log", null);
    assertThat(log.loader().name()).isEqualTo("text");
    assertThat(log.mediaType()).isEqualTo("text/x-log");
    assertThat(choose(latin1("# Title\n\nText."), "guide.md", null).loader().name())
        .isEqualTo("markdown");
  }

  @Test
  void plainTextNamedAsABinaryFormatGoesToThatFormatsLoaderWhichRefusesIt() throws Exception {
    byte[] text = latin1("This is not a PDF at all.\n");
    Loaders.Choice choice = choose(text, "report.pdf", "application/pdf");
    assertThat(choice.loader().name()).isEqualTo("pdf");
    assertThat(choice.mediaType()).isEqualTo("application/pdf");
    Path file = Files.write(Files.createTempFile(dir, "u", ".bin"), text);
    assertThatThrownBy(
            () ->
                choice
                    .loader()
                    .loader()
                    .load(
                        new io.cogentx.spi.LoadRequest(
                            file, "report.pdf", "application/pdf", Map.of()),
                        s -> {},
                        io.cogentx.spi.Progress.NONE))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("not a PDF");
    // text named as another kind of text is still read as text
    assertThat(choose(text, "notes.md", null).loader().name()).isEqualTo("markdown");
  }

  @Test
  void whatNoLoaderReadsIsRefusedNamingWhatIsSupported() {
    byte[] png = latin1("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\0\u0001");
    assertThatThrownBy(() -> choose(png, "photo.png", "image/png"))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DocumentException.Reason.UNSUPPORTED_FORMAT);
              assertThat(e.getMessage()).contains("image/png", ".pdf", ".md", ".txt");
            });
  }
}
