package org.wardwatch.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wardwatch.clinical.ClinicalRules;
import org.wardwatch.clinical.WardState;
import org.wardwatch.model.ConnectionId;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.parsing.FrameBatch;
import org.wardwatch.parsing.FrameBatchProcessor;
import org.wardwatch.parsing.LineFrameDecoder;

/**
 * What W1's frames cost the frame parser and the clinical engine alone, in this JVM, with no socket, event loop or bus:
 * the frame path's own code, measured steadily enough to compare two versions of it on a VM whose W1 figure varies by a
 * third from run to run. W1's batches ({@link IngestCeiling}) are decoded as the frame parser does, then applied to a
 * {@link WardState} as the clinical engine does (each patient shown once per batch), for {@value #ROUNDS} rounds of
 * {@value #BATCHES_PER_ROUND} batches after {@value #WARM_UP_ROUNDS} unmeasured; it prints the median and fastest
 * round, in nanoseconds per frame, of parsing alone and of parsing and rules. Run pinned to the suite's server core:
 * {@code mvn -q -B test-compile exec:exec@engine-cost}.
 */
public final class EngineCost {

  private static final int WARM_UP_ROUNDS = 15;
  private static final int ROUNDS = 30;
  private static final int BATCHES_PER_ROUND = 320;

  private EngineCost() {
  }

  public static void main(String[] args) throws IOException {
    List<List<String>> batches = new ArrayList<>();
    for (int device = 0; device < IngestCeiling.DEVICES; device++) {
      batches.add(List.of(IngestCeiling.batch(device).toString().split("\n")));
    }
    print("parsing", rounds(batches, null));
    print("parsing and rules", rounds(batches, new WardState(builtInRules())));
  }

  /** Nanoseconds per frame of each measured round: decoding, and applying to {@code engine} unless it is null. */
  private static long[] rounds(List<List<String>> batches, WardState engine) {
    List<FrameReport> reports = new ArrayList<>();
    FrameBatchProcessor processor = new FrameBatchProcessor(new LineFrameDecoder(), reports::add);
    Instant now = Instant.now();
    List<ConnectionId> connections = new ArrayList<>(); // one per device, as each has its own
    for (int device = 0; device < batches.size(); device++) {
      connections.add(ConnectionId.opened(now));
    }
    long[] perFrame = new long[ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      long start = System.nanoTime();
      long frames = 0;
      for (int i = 0; i < BATCHES_PER_ROUND; i++) {
        int device = i % batches.size();
        now = now.plusMillis(3); // W1's pace: a batch of each device every 50 ms or so
        reports.clear();
        processor.process(new FrameBatch(new DeviceIdentity("W1-" + device, null, null, "w1"), connections.get(device),
            now, batches.get(device), null));
        if (engine != null) {
          Set<String> patients = new LinkedHashSet<>();
          for (FrameReport report : reports) {
            if (!engine.isResend(report)) {
              engine.applyUnshown(report, now);
              patients.add(report.source().patientKey());
            }
          }
          patients.forEach(engine::show);
        }
        frames += batches.get(device).size();
      }
      if (round >= 0) {
        perFrame[round] = (System.nanoTime() - start) / frames;
      }
    }
    return perFrame;
  }

  private static void print(String what, long[] perFrame) {
    long[] sorted = perFrame.clone();
    Arrays.sort(sorted);
    System.out.printf("%-18s %,6d ns per frame (median of %d rounds; fastest %,d)%n", what, sorted[sorted.length / 2],
        sorted.length, sorted[0]);
  }

  private static ClinicalRules builtInRules() throws IOException {
    try (InputStream rules = EngineCost.class.getClassLoader().getResourceAsStream("conf/rules.json")) {
      return ClinicalRules.fromJson(new JsonObject(new String(rules.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }
}
