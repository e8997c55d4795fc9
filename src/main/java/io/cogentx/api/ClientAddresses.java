package io.cogentx.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The client of a request, with {@code X-Forwarded-For} believed from {@code TRUSTED_PROXIES}. */
@ApplicationScoped
public class ClientAddresses {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject
  @ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = "127.0.0.0/8,::1")
  String trustedProxies;

  private TrustedProxies trusted;

  @PostConstruct
  void start() {
    trusted = TrustedProxies.parse(trustedProxies);
  }

  /** The key per-client limits count this request under. */
  public String of(HttpServletRequest request) {
    List<String> forwarded =
        request.getHeaders(FORWARDED_FOR) == null
            ? List.of()
            : Collections.list(request.getHeaders(FORWARDED_FOR));
    return ClientAddress.of(request.getRemoteAddr(), forwarded, trusted);
  }
}
