package io.cogentx.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.UUID;

/**
 * Coverage-guided fuzzing of the session-id parser: any header value is either refused or a
 * canonical random UUID that names the same session as what was sent, and its storage key is a
 * plain SHA-256 hex (safe as a file name).
 */
class SessionIdFuzzTest {

  @FuzzTest(maxDuration = "8s")
  void anyHeaderIsRefusedOrACanonicalUuid(String header) {
    SessionId.parse(header)
        .ifPresent(
            id -> {
              UUID uuid = UUID.fromString(id.value());
              assertThat(uuid.version()).isEqualTo(4);
              assertThat(uuid.variant()).isEqualTo(2);
              assertThat(id.value()).isEqualTo(uuid.toString()).isEqualToIgnoringCase(header);
              assertThat(id.storageKey()).matches("[0-9a-f]{64}");
              assertThat(id.hash()).matches("[0-9a-f]{10}");
            });
  }
}
