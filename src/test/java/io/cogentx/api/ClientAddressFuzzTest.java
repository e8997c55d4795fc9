package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing of the client address behind proxies: any peer address and any {@code
 * X-Forwarded-For} headers give a short key, never an exception; an untrusted peer is always its
 * own key whatever it claims.
 */
class ClientAddressFuzzTest {

  private static final TrustedProxies TRUSTED = TrustedProxies.parse("127.0.0.0/8,::1,10.0.0.0/8");

  @FuzzTest(maxDuration = "8s")
  void anyForwardedForGivesAShortKey(FuzzedDataProvider data) {
    String remote = data.consumeString(60);
    List<String> forwarded = List.of(data.consumeString(200), data.consumeRemainingAsString());
    String key = ClientAddress.of(remote, forwarded, TRUSTED);
    assertThat(key).isNotNull().hasSizeLessThanOrEqualTo(64);
    if (!TRUSTED.contains(remote)) {
      assertThat(key).isEqualTo(ClientAddress.key(remote));
    }
  }
}
