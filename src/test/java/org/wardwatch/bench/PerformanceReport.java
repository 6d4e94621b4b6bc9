package org.wardwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's table, printed and written into {@code docs/performance.md} between two markers (the rest of the file is
 * left alone), with the machine, JDK and date it was measured on.
 */
final class PerformanceReport {

  static final String BEGIN = "<!-- performance-suite:begin -->";
  static final String END = "<!-- performance-suite:end -->";

  private PerformanceReport() {
  }

  static String markdown(List<Row> rows) throws IOException {
    StringBuilder table = new StringBuilder()
        .append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" on ").append(machine())
        .append(", ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append('.').append(memoryMonitorNote()).append("\n\n")
        .append("| Workload | Figure | WardWatch | Reference | Target | |\n|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      table.append("| ").append(String.join(" | ", row.workload(), row.figure(), row.wardWatch(), row.reference(),
          row.target(), row.verdict())).append(" |\n");
    }
    return table.toString();
  }

  /** Replaces the suite's section of {@code document} with {@code markdown} (appends it when there is none). */
  static void write(Path document, String markdown) throws IOException {
    String text = Files.exists(document) ? Files.readString(document) : "";
    String section = BEGIN + "\n" + markdown + END;
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated = begin >= 0 && end > begin
        ? text.substring(0, begin) + section + text.substring(end + END.length())
        : text + "\n" + section + "\n";
    Files.writeString(document, updated);
  }

  /**
   * A warning when the kernel's memory monitor (DAMON) runs: each of its samples (every 0.5 s on the VMs measured
   * here) stalled the load generator, or the server on the other core, for 5-140 ms, and those stalls set the latency
   * tails.
   */
  private static String memoryMonitorNote() throws IOException {
    Path kdamonds = Path.of("/sys/kernel/mm/damon/admin/kdamonds");
    if (!Files.isDirectory(kdamonds)) {
      return "";
    }
    try (Stream<Path> monitors = Files.list(kdamonds)) {
      boolean running = monitors.map(monitor -> monitor.resolve("state")).filter(Files::isReadable)
          .anyMatch(state -> readQuietly(state).strip().equals("on"));
      return running ? "\nThe kernel's memory monitor (DAMON) was running: its samples stall the load generator or the"
          + "\nserver, and latency tails include those stalls (the tenth session in docs/performance-log.md)."
          : "";
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static String machine() throws IOException {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal")).findFirst()
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
    long cores = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("processor")).count();
    return cores + "-core " + model + ", " + Math.round(memoryKb / 1048576.0)
        + " GB";
  }
}
