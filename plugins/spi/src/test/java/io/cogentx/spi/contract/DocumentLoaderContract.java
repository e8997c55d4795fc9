package io.cogentx.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Segment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every document loader must do: a loader's test class extends this, names its provider and a
 * sample file with a phrase it holds, and gets these tests for free.
 */
public abstract class DocumentLoaderContract {

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");

  protected DocumentLoader loader;

  /** The loader's provider, as ServiceLoader would create it. */
  protected abstract DocumentLoaderProvider provider();

  /** The context the loader is created with (default: no settings, no other plugins). */
  protected PluginContext context() {
    return PluginContext.of(Map.of());
  }

  /** A real file of the loader's format, with several segments' worth of text. */
  protected abstract LoadRequest sample() throws Exception;

  /** A phrase the sample holds, as its text reads after loading. */
  protected abstract String samplePhrase();

  @BeforeEach
  void createLoader() throws Exception {
    loader = provider().create(context());
  }

  @AfterEach
  void closeLoader() {
    loader.close();
  }

  @Test
  void providerIsFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(DocumentLoaderProvider.class).stream().map(p -> p.get().name()))
        .contains(provider().name());
  }

  @Test
  void declaresWhatItReadsInCanonicalForm() {
    assertThat(loader.mediaTypes()).isNotEmpty().allMatch(t -> MEDIA_TYPE.matcher(t).matches());
    assertThat(loader.fileExtensions()).isNotEmpty().allMatch(e -> EXTENSION.matcher(e).matches());
    assertThat(loader.progressUnit()).isNotBlank().matches("[a-z ]+");
  }

  @Test
  void declaredSettingsHaveNamesAndDescriptions() {
    assertThat(provider().settings())
        .allSatisfy(
            s -> {
              assertThat(s.name()).matches("[A-Z][A-Z0-9_]*");
              assertThat(s.description()).isNotBlank();
            });
  }

  @Test
  void readsTheSampleIntoNonBlankSegmentsHoldingItsText() throws Exception {
    LoadRequest sample = sample();
    byte[] before = Files.readAllBytes(sample.file());

    Loads.Result loaded = Loads.load(loader, sample);

    assertThat(loaded.segments()).isNotEmpty().allMatch(s -> !s.text().isBlank());
    assertThat(normalise(loaded.joined())).contains(normalise(samplePhrase()));
    assertThat(loaded.result().warnings()).doesNotContainNull();
    assertThat(Files.readAllBytes(sample.file()))
        .as("the loader leaves the file alone")
        .isEqualTo(before);
  }

  @Test
  void provenanceIsConsistent() throws Exception {
    for (Segment s : Loads.load(loader, sample()).segments()) {
      if (s.page() != null) {
        assertThat(s.page()).isPositive();
      }
      if (s.startSeconds() != null || s.endSeconds() != null) {
        assertThat(s.startSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(s.endSeconds()).isNotNull().isGreaterThanOrEqualTo(s.startSeconds());
      }
    }
  }

  @Test
  void loadingTwiceGivesTheSameSegments() throws Exception {
    LoadRequest sample = sample();
    assertThat(Loads.load(loader, sample).segments())
        .isEqualTo(Loads.load(loader, sample).segments());
  }

  @Test
  void concurrentLoadsOfOneLoaderDoNotInterfere() throws Exception {
    LoadRequest sample = sample();
    List<Segment> expected = Loads.load(loader, sample).segments();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Segment>>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> Loads.load(loader, sample).segments()));
      }
      for (Future<List<Segment>> run : runs) {
        assertThat(run.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stopsWhenCancelled() throws Exception {
    LoadRequest sample = sample();
    int all = Loads.load(loader, sample).segments().size();
    Loads.Result cancelled;
    try {
      cancelled = Loads.load(loader, sample, 1);
    } catch (DocumentException e) {
      return; // stopping with a reason is allowed too
    }
    assertThat(cancelled.segments().size()).isLessThanOrEqualTo(Math.max(1, all));
  }

  @Test
  void anEmptyFileIsADocumentExceptionNotACrash() {
    assertRefusedOrRead(new byte[0], "empty");
  }

  @Test
  void randomBytesAreADocumentExceptionOrReadNeverACrash() {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    assertRefusedOrRead(bytes, "random");
  }

  @Test
  void aTruncatedSampleIsADocumentExceptionOrReadNeverACrash() throws Exception {
    byte[] whole = Files.readAllBytes(sample().file());
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertRefusedOrRead(half, "truncated");
  }

  private void assertRefusedOrRead(byte[] bytes, String name) {
    String extension = loader.fileExtensions().iterator().next();
    String type = loader.mediaTypes().iterator().next();
    LoadRequest request = Loads.request(bytes, name + "." + extension, type);
    assertThatCode(
            () -> {
              try {
                Loads.load(loader, request);
              } catch (DocumentException e) {
                assertThat(e.getMessage()).as("a message a person can act on").isNotBlank();
                assertThat(e.reason()).isNotNull();
              }
            })
        .doesNotThrowAnyException();
  }

  /** Compares text regardless of line breaks and runs of spaces. */
  protected static String normalise(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
