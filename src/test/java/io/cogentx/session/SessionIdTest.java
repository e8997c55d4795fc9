package io.cogentx.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdTest {

  @Test
  void acceptsRandomUuidsAndNormalisesCase() {
    String id = UUID.randomUUID().toString();
    assertThat(SessionId.parse(id)).map(SessionId::value).contains(id);
    assertThat(SessionId.parse(id.toUpperCase())).map(SessionId::value).contains(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc123",
        "../../etc/passwd",
        "../../etc",
        "0b8e5c7e-3f5a-1d2b-9c1e-7a6f5e4d3c2b", // version 1
        "0b8e5c7e-3f5a-3d2b-9c1e-7a6f5e4d3c2b", // version 3
        "0b8e5c7e-3f5a-4d2b-7c1e-7a6f5e4d3c2b", // wrong variant
        "0b8e5c7e3f5a4d2b9c1e7a6f5e4d3c2b", // no dashes
        "{0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b}",
        " 0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b",
        "0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2g",
        "0b8e5c7e-3f5a-4d2b-9c1e-7a6f5e4d3c2b/../x",
        "00000000-0000-0000-0000-000000000000"
      })
  void rejectsAnythingButCanonicalV4(String raw) {
    assertThat(SessionId.parse(raw)).isEmpty();
  }

  @Test
  void hashIsShortStableAndRevealsNothing() {
    SessionId id = SessionId.random();
    assertThat(id.hash()).hasSize(10).matches("[0-9a-f]+").isEqualTo(id.hash());
    assertThat(id.value()).doesNotContain(id.hash());
    assertThat(SessionId.random().hash()).isNotEqualTo(id.hash());
  }
}
