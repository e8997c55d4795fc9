package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.0/8, ::1, 10.1.0.0/16");

  @Test
  void aDirectClientIsItsConnectionWhateverItClaims() {
    assertThat(ClientAddress.of("203.0.113.7", List.of("1.2.3.4"), proxies))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
    // the client forged "1.2.3.4"; nginx (10.1.0.5) appended the real peer 198.51.100.9
    assertThat(ClientAddress.of("10.1.0.5", List.of("1.2.3.4, 198.51.100.9", "10.1.2.3"), proxies))
        .isEqualTo("198.51.100.9");
    assertThat(ClientAddress.of("127.0.0.1", List.of(), proxies)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("10.1.0.9"), proxies)).isEqualTo("10.1.0.9");
  }

  @Test
  void ipv6ClientsAreCountedByTheirSlash64() {
    assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1", List.of(), proxies))
        .isEqualTo(ClientAddress.of("2001:db8:1:2:bbbb::2", List.of(), proxies))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.of("::1", List.of("[2001:db8::5]"), proxies))
        .isEqualTo("2001:db8:0:0::/64");
  }

  @Test
  void namesAreNeverLookedUpAndBadEntriesAreNamed() {
    assertThat(TrustedProxies.literal("localhost")).isEmpty();
    assertThat(TrustedProxies.literal("example.org")).isEmpty();
    assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    assertThatThrownBy(() -> TrustedProxies.parse("nginx")).hasMessageContaining("nginx");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    // a garbage hop from a trusted proxy is used as it is, bounded
    assertThat(ClientAddress.of("127.0.0.1", List.of("x".repeat(500)), proxies)).hasSize(64);
  }
}
