package io.cogentx.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.SessionStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's store over the {@code disk} session store: lazy opening, putting away, expiry. */
class DurableSessionStoreTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final SessionListener recorder =
      new SessionListener() {
        @Override
        public void created(Session s) {
          events.add("created " + s.hash());
        }

        @Override
        public void loaded(Session s) {
          events.add("loaded " + s.hash());
        }

        @Override
        public void expired(Session s) {
          events.add("expired " + s.hash());
        }

        @Override
        public void expired(String hash) {
          events.add("expired " + hash);
        }
      };

  private SessionStore store(SessionStorage storage) {
    return new SessionStore(
        Duration.ofHours(24), Duration.ofMinutes(15), 0, clock, recorder, storage);
  }

  @Test
  void aSessionOutlivesARestartAndIsOpenedOnlyWhenAskedFor() {
    SessionId id = SessionId.random();
    SessionStore before = store(TestStorage.disk(dir));
    Session first = before.getOrCreate(id);
    before.closeAll();

    SessionStore after = store(TestStorage.disk(dir));
    assertThat(after.size()).isZero();
    Session again = after.getOrCreate(id);

    assertThat(again).isNotSameAs(first);
    assertThat(again.created()).isEqualTo(first.created());
    assertThat(events).containsExactly("created " + id.hash(), "loaded " + id.hash());
  }

  @Test
  void idleSessionsArePutAwayAndComeBackWhenUsed() {
    SessionStore store = store(TestStorage.disk(dir));
    SessionId idle = SessionId.random();
    store.getOrCreate(idle);
    clock.advance(Duration.ofMinutes(10));
    SessionId busy = SessionId.random();
    store.getOrCreate(busy);
    clock.advance(Duration.ofMinutes(6)); // idle: 16 min, busy: 6 min

    assertThat(store.expireIdle()).isZero();

    assertThat(store.find(idle)).isEmpty();
    assertThat(store.find(busy)).isPresent();
    assertThat(dir.resolve(idle.storageKey())).isDirectory();
    store.getOrCreate(idle);
    assertThat(events).containsSubsequence("created " + idle.hash(), "loaded " + idle.hash());
  }

  @Test
  void aSessionIdleLongerThanTheTimeoutExpiresEverywhereOnceWithItsDirectory() {
    SessionStore store = store(TestStorage.disk(dir));
    SessionId held = SessionId.random();
    SessionId putAway = SessionId.random();
    store.getOrCreate(held);
    store.getOrCreate(putAway);
    clock.advance(Duration.ofMinutes(20));
    store.expireIdle(); // both put away after 15 min
    store.getOrCreate(held); // held again, idle from here on
    clock.advance(Duration.ofHours(25));

    assertThat(store.expireIdle()).isEqualTo(2);

    assertThat(dir.resolve(held.storageKey())).doesNotExist();
    assertThat(dir.resolve(putAway.storageKey())).doesNotExist();
    assertThat(events).contains("expired " + held.hash(), "expired " + putAway.hash());
    assertThat(store.expireIdle()).isZero();
  }

  @Test
  void deletingRemovesTheDirectory() {
    SessionStore store = store(TestStorage.disk(dir));
    SessionId id = SessionId.random();
    store.getOrCreate(id);

    assertThat(store.delete(id)).isTrue();

    assertThat(dir.resolve(id.storageKey())).doesNotExist();
    assertThat(store.size()).isZero();
  }
}
