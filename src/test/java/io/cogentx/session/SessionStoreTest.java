package io.cogentx.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final SessionListener recorder =
      new SessionListener() {
        @Override
        public void created(Session s) {
          events.add("created " + s.hash());
        }

        @Override
        public void expired(Session s) {
          events.add("expired " + s.hash());
        }

        @Override
        public void deleted(Session s) {
          events.add("deleted " + s.hash());
        }
      };
  private final SessionStore store = TestStorage.store(Duration.ofHours(24), 0, clock, recorder);

  @Test
  void unknownIdCreatesAnEmptySessionOnceAndReusesIt() {
    SessionId id = SessionId.random();
    Session first = store.getOrCreate(id);
    Session again = store.getOrCreate(id);

    assertThat(again).isSameAs(first);
    assertThat(first.documents()).isZero();
    assertThat(store.size()).isEqualTo(1);
    assertThat(events).containsExactly("created " + id.hash());
  }

  @Test
  void sessionIdleLongerThanTimeoutExpiresOthersStay() {
    Session idle = store.getOrCreate(SessionId.random());
    clock.advance(Duration.ofHours(23));
    Session busy = store.getOrCreate(SessionId.random());
    clock.advance(Duration.ofHours(2)); // idle: 25 h, busy: 2 h

    assertThat(store.expireIdle()).isEqualTo(1);

    assertThat(store.find(idle.id())).isEmpty();
    assertThat(store.find(busy.id())).containsSame(busy);
    assertThat(idle.isClosed()).isTrue();
    assertThat(events).contains("expired " + idle.hash());
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void useResetsTheIdleTimer() {
    Session s = store.getOrCreate(SessionId.random());
    clock.advance(Duration.ofHours(20));
    store.getOrCreate(s.id());
    clock.advance(Duration.ofHours(20));

    assertThat(store.expireIdle()).isZero();
    assertThat(s.lastAccess()).isEqualTo(Instant.parse("2026-01-01T20:00:00Z"));
  }

  @Test
  void expiryReleasesEverythingTheSessionHolds() {
    Session s = store.getOrCreate(SessionId.random());
    AtomicBoolean released = new AtomicBoolean();
    s.attachment(Resource.class, () -> new Resource(released));
    s.recordContent(2, 10, 5_000);

    clock.advance(Duration.ofHours(25));
    store.expireIdle();

    assertThat(released).isTrue();
    assertThat(s.chunks()).isZero();
    assertThatThrownBy(() -> s.attachment(Resource.class, () -> new Resource(new AtomicBoolean())))
        .isInstanceOf(SessionClosedException.class);
  }

  @Test
  void deleteReleasesAndTheSameIdThenStartsFresh() {
    SessionId id = SessionId.random();
    Session old = store.getOrCreate(id);
    AtomicBoolean released = new AtomicBoolean();
    old.attachment(Resource.class, () -> new Resource(released));

    assertThat(store.delete(id)).isTrue();
    assertThat(released).isTrue();
    assertThat(store.delete(id)).isFalse();

    Session fresh = store.getOrCreate(id);
    assertThat(fresh).isNotSameAs(old);
    assertThat(fresh.attachment(Resource.class)).isEmpty();
  }

  @Test
  void capRefusesNewSessionsButExistingOnesKeepWorking() {
    SessionStore capped = TestStorage.store(Duration.ofHours(1), 2, clock, SessionListener.NONE);
    Session a = capped.getOrCreate(SessionId.random());
    capped.getOrCreate(SessionId.random());

    assertThatThrownBy(() -> capped.getOrCreate(SessionId.random()))
        .isInstanceOf(SessionLimitExceededException.class);
    assertThat(capped.getOrCreate(a.id())).isSameAs(a);
    assertThat(capped.size()).isEqualTo(2);

    capped.delete(a.id());
    assertThat(capped.getOrCreate(SessionId.random())).isNotNull();
  }

  @Test
  void manyThreadsLoseNoUpdates() throws Exception {
    int threads = 64;
    int ops = 10_000;
    int sessions = 100;
    List<SessionId> ids = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      ids.add(SessionId.random());
    }
    AtomicInteger created = new AtomicInteger();
    SessionStore shared =
        TestStorage.store(
            Duration.ofHours(1),
            0,
            clock,
            new SessionListener() {
              @Override
              public void created(Session s) {
                created.incrementAndGet();
              }
            });
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < ops; i++) {
                      Session s = shared.getOrCreate(ids.get((offset + i) % sessions));
                      s.recordContent(1, 3, 100);
                    }
                  }));
    }
    for (Thread w : workers) {
      w.join();
    }

    long documents = ids.stream().mapToLong(id -> shared.find(id).orElseThrow().documents()).sum();
    long chunks = ids.stream().mapToLong(id -> shared.find(id).orElseThrow().chunks()).sum();
    assertThat(documents).isEqualTo((long) threads * ops);
    assertThat(chunks).isEqualTo(3L * threads * ops);
    assertThat(created).hasValue(sessions);
    assertThat(shared.size()).isEqualTo(sessions);
  }

  @Test
  void expiryRacingWithUseNeverHandsOutAClosedSession() throws Exception {
    SessionStore racy = TestStorage.store(Duration.ofMillis(1), 0, clock, SessionListener.NONE);
    SessionId id = SessionId.random();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger closedHandedOut = new AtomicInteger();
    Thread user =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!stop.get()) {
                    Instant before = clock.instant();
                    Session session = racy.getOrCreate(id);
                    // While the clock stands still, the session just used cannot be idle: if it is
                    // closed now, expiry closed it on an idle check made before our use.
                    if (session.isClosed() && clock.instant().equals(before)) {
                      closedHandedOut.incrementAndGet();
                    }
                  }
                });
    for (int i = 0; i < 20_000; i++) {
      clock.advance(Duration.ofMillis(5));
      racy.expireIdle();
    }
    stop.set(true);
    user.join();
    assertThat(closedHandedOut).hasValue(0);
  }

  @Test
  void rejectsNonsenseConfiguration() {
    assertThatThrownBy(() -> TestStorage.store(Duration.ZERO, 0, clock, SessionListener.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> TestStorage.store(Duration.ofHours(1), -1, clock, SessionListener.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private record Resource(AtomicBoolean released) implements AutoCloseable {
    @Override
    public void close() {
      released.set(true);
    }
  }
}
