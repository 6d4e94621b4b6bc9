package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An engine's answer to a batch of reports, as another member receives it. */
class ReportsAppliedTest {

  @Test
  void givenResends_thenTheirStampsSurviveTheWire() {
    ReportsApplied answer = new ReportsApplied(List.of("MON-1:7:abc", "MON-1:8:def"), Map.of());

    assertEquals(answer, ReportsApplied.fromJson(answer.toJson()));
    assertEquals(true, answer.toJson().getBoolean("ok"));
  }

  @Test
  void givenNoResends_thenTheSharedAnswerSurvivesTheWire() {
    assertEquals(ReportsApplied.ALL_NEW, ReportsApplied.fromJson(ReportsApplied.ALL_NEW.toJson()));
  }

  @Test
  void givenPatientsNotAdmitted_thenTheirReasonsSurviveTheWire() {
    ReportsApplied answer = new ReportsApplied(List.of(), Map.of("P-9", "patient limit reached"));

    assertEquals(answer, ReportsApplied.fromJson(answer.toJson()));
  }

  @Test
  void givenTheAnswersOfTwoOwners_thenTheirResendsAndRefusalsAreOne() {
    ReportsApplied merged = ReportsApplied.merged(List.of(
        new ReportsApplied(List.of("A:1:x"), Map.of("P-1", "full")),
        new ReportsApplied(List.of("B:2:y"), Map.of("P-2", "full"))));

    assertEquals(new ReportsApplied(List.of("A:1:x", "B:2:y"), Map.of("P-1", "full", "P-2", "full")), merged);
  }
}
