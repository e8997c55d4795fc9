package io.cogentx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cogentx.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminFilterTest {

  @Test
  void withoutConfiguredTokenTheAdminApiIsOffAndSaysHowToTurnItOn() {
    AdminFilter filter = filter(Optional.empty());

    ProblemException e =
        catchThrowableOfType(ProblemException.class, () -> filter.filter(request("Bearer x")));

    assertThat(e.problem().status()).isEqualTo(403);
    assertThat(e.problem().detail()).contains("ADMIN_TOKEN");
  }

  @Test
  void blankConfiguredTokenCountsAsNone() {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class, () -> filter(Optional.of("  ")).filter(request("Bearer   ")));
    assertThat(e.problem().status()).isEqualTo(403);
  }

  @Test
  void rightBearerTokenPassesWrongOrMissingIs401() {
    AdminFilter filter = filter(Optional.of("s3cret"));

    assertThatCode(() -> filter.filter(request("Bearer s3cret"))).doesNotThrowAnyException();
    assertThatCode(() -> filter.filter(request("bearer s3cret"))).doesNotThrowAnyException();
    for (String header :
        new String[] {null, "", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret"}) {
      ProblemException e =
          catchThrowableOfType(ProblemException.class, () -> filter.filter(request(header)));
      assertThat(e.problem().status()).as(String.valueOf(header)).isEqualTo(401);
    }
  }

  private static AdminFilter filter(Optional<String> token) {
    AdminFilter filter = new AdminFilter();
    filter.adminToken = token;
    return filter;
  }

  private static ContainerRequestContext request(String authorization) {
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            AdminFilterTest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getHeaderString")) {
                return "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
