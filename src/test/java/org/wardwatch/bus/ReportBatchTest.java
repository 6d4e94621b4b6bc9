package org.wardwatch.bus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch of reports as another member receives it: whether its sender reads the patients not admitted. */
class ReportBatchTest {

  @Test
  void givenThisVersionsBatch_thenItsSenderReadsRefusalsAfterTheWire() {
    assertTrue(ReportBatch.fromJson(new ReportBatch(List.of()).toJson()).refusalsRead());
  }

  @Test
  void givenABatchOfTheVersionBefore_thenItsSenderReadsNoRefusals() {
    assertFalse(ReportBatch.fromJson(new JsonObject().put("reports", new JsonArray())).refusalsRead());
  }
}
