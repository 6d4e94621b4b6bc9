package org.wardwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server under test in a JVM of its own, started with this JVM's class path (or the product's part of it) and
 * pinned by {@code taskset} to one core, so the load generator (pinned to the other) does not share it. Reads the
 * process's own accounting: CPU time and RSS from {@code /proc}, heap in use after a full GC from {@code jcmd}. Output
 * goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private final String name;
  private final Process process;

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** This JVM's class path: the suite's own servers, with the product and its dependencies. */
  static String suiteClassPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * This JVM's class path without the test classes, so that a node runs as deployed: with the product's
   * {@code logback.xml} (one writer thread for the log) rather than the tests' (the event loop writes every line).
   */
  static String productClassPath() {
    return Arrays.stream(suiteClassPath().split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Starts {@code mainClass} from {@code classPath} with {@code args} on {@code core}, and waits until every one of
   * {@code ports} on 127.0.0.1 accepts connections.
   */
  static ServerProcess start(String name, int core, String classPath, String mainClass, List<String> args,
      int... ports) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g",
        "-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1", "-XX:G1ConcRefinementThreads=0")); // the Dockerfile's JAVA_OPTS
    String extra = System.getProperty("wardwatch.bench.serverJvmArgs", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.replace("{name}", name).trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(args);
    for (int port : ports) {
      if (accepts(port)) {
        throw new IllegalStateException("port " + port + " is already taken (a server left running?); " + name
            + " would not be the one measured");
      }
    }
    Path log = Files.createTempFile("wardwatch-bench-" + name, ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // even when the run is cut short
    ServerProcess server = new ServerProcess(name, process);
    for (int port : ports) {
      server.awaitPort(port, log);
    }
    return server;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Stops every thread of process {@code pid} ({@code SIGSTOP}), so that a server the suite does not measure now does
   * no background work on the server core; its sockets stay open.
   */
  static void pause(long pid) throws IOException, InterruptedException {
    signal("-STOP", pid);
  }

  /** Lets a {@link #pause paused} process run again ({@code SIGCONT}). */
  static void resume(long pid) throws IOException, InterruptedException {
    signal("-CONT", pid);
  }

  /** Stops this server ({@link #pause(long)}). */
  void pause() throws IOException, InterruptedException {
    pause(process.pid());
  }

  /** Lets this server run again. */
  void resume() throws IOException, InterruptedException {
    resume(process.pid());
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill " + signal + " " + pid + " exited with " + exit);
    }
  }

  /** CPU time the process has used so far. */
  CpuTime cpu() {
    return CpuTime.of(process.pid());
  }

  /** Resident set size in bytes. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + name);
  }

  /** Heap in use, in bytes, right after a full GC requested through {@code jcmd}. */
  long heapUsedAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info gave no heap figure for " + name);
    }
    return Long.parseLong(used.group(2)) * 1024;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(process.pid()), command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    return output;
  }

  private void awaitPort(int port, Path log) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited: " + Files.readString(log));
      }
      if (accepts(port)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new UncheckedIOException(new IOException(name + " did not open port " + port + "; log: " + log));
  }

  private static boolean accepts(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
