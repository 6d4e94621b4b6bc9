package org.wardwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.node.NodeVerticle;
import org.wardwatch.testing.FreePorts;
import org.wardwatch.testing.TestNode;
import org.wardwatch.testing.TestTls;

/**
 * The dashboard in a real browser: headless Debian chromium driven by playwright-core from the node scripts under
 * {@code src/test/browser} (installed by the pom's npm step; chromium by {@code .ci/run}).
 *
 * <p>This class owns the node under test, one per scenario so none sees another's patients, and its ports. Each
 * scenario script, {@code src/test/browser/scenarios/<name>.test.mjs}, owns its browser, devices, proxy and
 * assertions, and runs under node's test runner; its output is in {@code target/browser-tests/<name>.log} and in the
 * failure message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DashboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCRIPTS = Path.of("src", "test", "browser");
  private static final Path LOGS = Path.of("target", "browser-tests");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(90);

  private Vertx vertx;
  private Map<String, String> ports;

  @BeforeEach
  void startNode() {
    assertTrue(Files.isExecutable(CHROMIUM),
        "The browser tests need Debian's chromium at " + CHROMIUM + ": apt-get install -y chromium (.ci/run does)");
    assertTrue(Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("playwright-core")),
        "The browser tests need playwright-core: mvn -B test installs it (npm install in " + SCRIPTS + ")");
    startNode(null, new JsonObject());
  }

  /**
   * Starts the node under test, its dashboard over HTTPS with {@code tls} (the http section's), else plain HTTP, with
   * the other configuration sections of {@code overrides}.
   */
  private void startNode(JsonObject tls, JsonObject overrides) {
    // The page is served by the node and, in the reconnect scenarios, by a proxy: the bridge must allow both origins.
    // Both chosen before deploying, as the allowed origins name them.
    int httpPort = FreePorts.choose();
    int proxyPort = FreePorts.choose();
    vertx = Vertx.vertx();
    String scheme = tls == null ? "http" : "https";
    JsonObject http = new JsonObject().put("port", httpPort)
        .put("allowedOrigins", new JsonArray().add(origin(scheme, httpPort)).add(origin(scheme, proxyPort)));
    NodeVerticle node = TestNode.deploy(vertx,
        overrides.copy().put("http", tls == null ? http : http.put("tls", tls)));
    ports = Map.of("WW_HTTP_PORT", String.valueOf(node.httpPort()), "WW_DEVICE_PORT",
        String.valueOf(node.devicePort()), "WW_PROXY_PORT", String.valueOf(proxyPort), "WW_SCHEME", scheme);
  }

  @AfterEach
  void stopNode() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void liveTilesShowAndUpdateVitals() throws Exception {
    run("live-tiles");
  }

  @Test
  void valuesMeasuredLongAgoAreShownStaleOneByOne() throws Exception {
    run("stale-values");
  }

  @Test
  void abnormalFrameRaisesVisibleHighAlarm() throws Exception {
    run("alarm");
  }

  @Test
  void highAndMediumAlarmsFlashOnAScreenThatAsksForReducedMotion() throws Exception {
    run("reduced-motion");
  }

  @Test
  void alarmAcknowledgedOnOneScreenShowsOnAnotherAndIsAudited() throws Exception {
    run("acknowledge");
  }

  @Test
  void aPatientWhoseMonitorLeftIsDischargedOnOneScreenAndLeavesEveryScreen() throws Exception {
    run("discharge");
  }

  @Test
  void aPatientMovedToAnotherWardLeavesTheOldWardsScreensAndBringsTheirAlarm() throws Exception {
    run("move");
  }

  @Test
  void anOximeterTakenAwayHasItsMeasurementStoppedOnOneScreenAndEveryScreenFollows() throws Exception {
    run("stop-measurement");
  }

  @Test
  void news2StoppedForAPatientItDoesNotApplyToShowsOffAndRaisesNoNews2AlarmOnEveryScreen() throws Exception {
    run("news2-off");
  }

  @Test
  void droppedWebSocketReconnectsAndShowsAlarmRaisedMeanwhile() throws Exception {
    run("reconnect-websocket");
  }

  @Test
  void withoutWebSocketXhrFallbackReconnectsAndShowsAlarmRaisedMeanwhile() throws Exception {
    run("reconnect-xhr");
  }

  @Test
  void foreignOriginPageCannotReadTheBridge() throws Exception {
    run("foreign-origin");
  }

  @Test
  void wardPickerShowsOneWardAndSubscribesToItOnly() throws Exception {
    run("ward-picker");
  }

  @Test
  void soundNeedsEnablingWarnsWhileOffAndFollowsTheMostUrgentAlarm() throws Exception {
    run("sound");
  }

  @Test
  void anAcknowledgedAlarmThatPersistsIsShownAndSoundedAgainAtEachReminder(@TempDir Path dir) throws Exception {
    vertx.close().await();
    Path rules = rulesRemindingEvery(dir, 2);
    startNode(null, new JsonObject().put("rules", new JsonObject().put("path", rules.toString())));
    run("reminder");
  }

  @Test
  void aPageCutOffFromItsFeedForTenSecondsSoundsTheLinkAlarm() throws Exception {
    run("link-alarm");
  }

  @Test
  void aFeedTheNetworkCutWithoutACloseIsShownLostAndReconnected() throws Exception {
    run("dead-link");
  }

  @Test
  void trendsShowTheLastHourWithLimitsAndEventsAndStayLive() throws Exception {
    run("trends");
    assertTrue(Files.size(SCREENSHOTS.resolve("trends.png")) > 0);
  }

  @Test
  void anOpenTrendViewLeavesNewAlarmsAndALostLinkInSightAndSaysWhenItIsNotLive() throws Exception {
    run("trends-link");
  }

  @Test
  void theDashboardWorksOverHttpsAndWss() throws Exception {
    vertx.close().await();
    startNode(TestTls.listener(false), new JsonObject());
    run("https");
  }

  @Test
  void wardScreenshotIsSaved() throws Exception {
    run("screenshot");
    assertTrue(Files.size(SCREENSHOTS.resolve("ward.png")) > 0);
  }

  /** Runs one scenario script against the node and fails with its output unless it passes within the time. */
  private void run(String scenario) throws IOException, InterruptedException {
    Files.createDirectories(LOGS);
    Files.createDirectories(SCREENSHOTS);
    Path log = LOGS.resolve(scenario + ".log");
    ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-reporter=spec",
        Path.of("scenarios", scenario + ".test.mjs").toString())
        .directory(SCRIPTS.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(ports);
    builder.environment().put("WW_SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString());
    Process process = builder.start();
    boolean finished = process.waitFor(SCENARIO_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly); // the test runner's child and chromium
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    assertTrue(finished, () -> scenario + " did not finish within " + SCENARIO_TIMEOUT.toSeconds() + " s:\n" + output);
    assertEquals(0, process.exitValue(), () -> scenario + " failed:\n" + output);
  }

  /** The shipped clinical rules with reminders every {@code seconds}, written to {@code dir}; returns the file. */
  private static Path rulesRemindingEvery(Path dir, int seconds) throws IOException {
    JsonObject rules = new JsonObject(Files.readString(Path.of("conf", "rules.json")));
    rules.getJsonObject("alarms").put("reminderSeconds", seconds);
    return Files.writeString(dir.resolve("rules.json"), rules.encodePrettily());
  }

  private static String origin(String scheme, int port) {
    return scheme + "://127.0.0.1:" + port;
  }
}
