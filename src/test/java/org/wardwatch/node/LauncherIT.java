package org.wardwatch.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar refuses to start on a configuration it cannot use, as an operator sees it: a failed exit status and
 * one line naming the setting, with no stack trace to read through.
 */
@Timeout(120)
class LauncherIT {

  private static final Path JAR = Path.of("target", "wardwatch.jar");

  @Test
  void badSettingStopsTheNodeWithOneLineNamingIt() throws Exception {
    assertRefusedInOneLine(List.of("-conf", "{\"devices\":{\"port\":\"abc\"}}"),
        "devices.port: must be a whole number from 0 to 65535, got abc; the node is not started");
  }

  @Test
  void unreadableConfFileStopsTheNodeWithOneLine() throws Exception {
    assertRefusedInOneLine(List.of("-conf", "no-such-file.json"),
        "-conf: not a readable JSON file, nor a JSON object; the node is not started");
  }

  @Test
  void unusableRulesFileStopsTheNodeWithOneLineNamingIt(@TempDir Path folder) throws Exception {
    Path rules = Files.writeString(folder.resolve("rules.json"), "{\"wards\":{\"icu\":{\"thresholds\":7}}}");
    assertRefusedInOneLine(List.of("-conf", loopback(new JsonObject().put("rules", new JsonObject().put("path",
        rules.toString())))),
        "rules.path: cannot load clinical rules from " + rules + ": wards.icu.thresholds: must be a list of rules");
  }

  @Test
  void takenPortStopsTheNodeWithOneLineNamingItsSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      JsonObject devices = new JsonObject().put("host", "127.0.0.1").put("port", taken.getLocalPort());
      // the reason in brackets is the transport's own words (epoll's, or the JDK's)
      assertRefusedInOneLine(List.of("-conf", loopback(new JsonObject().put("devices", devices))),
          "devices.port: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (");
    }
  }

  /** Runs the jar with {@code arguments}: it must fail, its one line not INFO containing {@code reason}. */
  private static void assertRefusedInOneLine(List<String> arguments, String reason) throws Exception {
    Process node = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the node should stop by itself");
    String output = output(node);
    assertNotEquals(0, node.exitValue(), output);
    List<String> errors = output.lines().filter(line -> !line.contains(" INFO ")).toList();
    assertEquals(1, errors.size(), output);
    assertTrue(errors.get(0).contains("ERROR WardWatchMain - " + reason), output);
  }

  /** {@code overrides} over a configuration whose listeners take free loopback ports. */
  private static String loopback(JsonObject overrides) {
    JsonObject anyPort = new JsonObject().put("host", "127.0.0.1").put("port", 0);
    return new JsonObject().put("http", anyPort).put("devices", anyPort.copy()).put("hl7", anyPort.copy())
        .mergeIn(overrides, true).encode();
  }

  private static List<String> command(List<String> arguments) {
    return Stream.concat(Stream.of("java", "-jar", JAR.toString()), arguments.stream()).toList();
  }

  private static String output(Process node) throws IOException {
    return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
