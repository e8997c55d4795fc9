package io.cogentx.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 200 sessions at once each add a document holding a unique canary word, then each searches for
 * every other session's canary: not one foreign hit may come back.
 */
class IsolationIT {

  private static final int SESSIONS = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  record Tenant(String session, String canary, String documentId) {}

  @Test
  void twoHundredConcurrentSessionsNeverSeeEachOthersCanaries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Tenant>> ingests = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        ingests.add(pool.submit(IsolationIT::newTenant));
      }
      List<Tenant> tenants = new ArrayList<>();
      for (Future<Tenant> f : ingests) {
        tenants.add(f.get(5, TimeUnit.MINUTES));
      }
      Map<String, String> canaryOwner = new ConcurrentHashMap<>();
      tenants.forEach(t -> canaryOwner.put(t.canary(), t.session()));

      AtomicInteger searches = new AtomicInteger();
      List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> checks = new ArrayList<>();
      for (Tenant me : tenants) {
        checks.add(
            pool.submit(
                () -> {
                  // my own canary is found...
                  assertThat(search(me, me.canary(), "hybrid")).contains(me.documentId());
                  // ...and nobody else's, in any mode
                  int n = 0;
                  for (Tenant other : tenants) {
                    if (other == me) {
                      continue;
                    }
                    String mode = (n++ % 20 == 0) ? "hybrid" : "keyword";
                    String body = search(me, other.canary(), mode);
                    searches.incrementAndGet();
                    for (String canary : canaryOwner.keySet()) {
                      if (!canary.equals(me.canary()) && body.contains(canary)) {
                        leaks.add(me.canary() + " saw " + canary);
                      }
                    }
                    if (body.contains(other.documentId())) {
                      leaks.add(me.canary() + " saw document of " + other.canary());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : checks) {
        f.get(10, TimeUnit.MINUTES);
      }

      assertThat(searches).hasValue(SESSIONS * (SESSIONS - 1));
      assertThat(leaks).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Tenant newTenant() {
    String session = java.util.UUID.randomUUID().toString();
    String canary = canary();
    HttpResponse<String> response =
        Api.postJson(
            "/api/v1/documents?wait=true",
            session,
            "{\"title\": \"Notes\", \"text\": "
                + Api.quote(
                    "My private password hint is "
                        + canary
                        + ". The weather was mild and the garden needed water.")
                + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject doc = Api.json(response);
    return new Tenant(session, canary, doc.getString("id"));
  }

  private static String search(Tenant me, String query, String mode) {
    HttpResponse<String> r =
        Api.postJson(
            "/api/v1/search",
            me.session(),
            "{\"query\": " + Api.quote(query) + ", \"k\": 10, \"mode\": \"" + mode + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue(Api.SESSION)).contains(me.session());
    return Api.json(r).getJsonArray("results").toString();
  }

  /** A word no real text contains, e.g. "qzxvmkrtwplb". */
  private static String canary() {
    StringBuilder sb = new StringBuilder("qz");
    for (int i = 0; i < 10; i++) {
      sb.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return sb.toString();
  }
}
