package org.wardwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, as the kernel accounts it in {@code /proc/<pid>/stat}: in its own code (user) and in
 * the kernel on its behalf (system: system calls, and on loopback the receiving side's TCP work its sends run). The
 * split shows how much of a server's cost per message is the socket work any server pays and how much its own.
 *
 * @param userNanos   user time, in nanoseconds
 * @param systemNanos system time, in nanoseconds
 */
record CpuTime(long userNanos, long systemNanos) {

  static final CpuTime NONE = new CpuTime(0, 0);

  /** The kernel's clock tick, in which {@code /proc} counts: {@code USER_HZ}, 100 on every x86-64 Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  /** The fields {@code utime} and {@code stime}, counted after the command's closing parenthesis (man 5 proc). */
  private static final int USER_FIELD = 11;
  private static final int SYSTEM_FIELD = 12;

  /** What process {@code pid} has used so far. */
  static CpuTime of(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      throw new UncheckedIOException("no CPU accounting for process " + pid, e);
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new CpuTime(Long.parseLong(fields[USER_FIELD]) * NANOS_PER_TICK,
        Long.parseLong(fields[SYSTEM_FIELD]) * NANOS_PER_TICK);
  }

  long totalNanos() {
    return userNanos + systemNanos;
  }

  CpuTime plus(CpuTime other) {
    return new CpuTime(userNanos + other.userNanos, systemNanos + other.systemNanos);
  }

  CpuTime minus(CpuTime earlier) {
    return new CpuTime(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
  }

  /** This time spread over {@code count} messages: nanoseconds each. */
  CpuTime per(long count) {
    return new CpuTime(userNanos / Math.max(1, count), systemNanos / Math.max(1, count));
  }
}
