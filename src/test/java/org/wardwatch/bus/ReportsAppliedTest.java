package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An engine's answer to a batch of reports, as another member receives it. */
class ReportsAppliedTest {

  @Test
  void givenResends_thenTheirStampsSurviveTheWire() {
    ReportsApplied answer = new ReportsApplied(List.of("MON-1:7:abc", "MON-1:8:def"));

    assertEquals(answer, ReportsApplied.fromJson(answer.toJson()));
    assertEquals(true, answer.toJson().getBoolean("ok"));
  }

  @Test
  void givenNoResends_thenTheSharedAnswerSurvivesTheWire() {
    assertEquals(ReportsApplied.ALL_NEW, ReportsApplied.fromJson(ReportsApplied.ALL_NEW.toJson()));
  }
}
