package io.cogentx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a Linux process has used (user + system, all threads), read from {@code /proc/PID/stat},
 * so a benchmark can tell what one request costs the server and what it costs the load generator on
 * the same cores.
 */
final class ProcessCpu {

  /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ on every architecture we run). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcessCpu() {}

  /** CPU nanoseconds used so far by process {@code pid}. */
  static long nanos(long pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  /** CPU nanoseconds used so far by this JVM. */
  static long ownNanos() throws IOException {
    return nanos(ProcessHandle.current().pid());
  }

  /**
   * utime + stime of a {@code /proc/PID/stat} line; the command name (field 2) may hold spaces and
   * parentheses, so fields are counted from its closing parenthesis.
   */
  static long parse(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is the state (field 3), so utime (field 14) and stime (field 15) are 11 and 12
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }
}
