package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.ReportsApplied;

class BatchReceiptTest {

  private static final Future<Void> STORED = Future.succeededFuture();

  private final List<ReportsApplied> answers = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();

  private BatchReceipt receipt(int reports) {
    return new BatchReceipt(reports, answers::add, error -> refusals.add(error.getMessage()));
  }

  @Test
  void answersOnceWhenTheLastReportIsRecordedNamingTheResends() {
    BatchReceipt receipt = receipt(3);
    receipt.recorded(STORED);
    receipt.resent("D-1/7");
    receipt.recorded(STORED);
    assertEquals(List.of(), answers, "not before every report is recorded");

    receipt.recorded(STORED);

    assertEquals(List.of(new ReportsApplied(List.of("D-1/7"), Map.of())), answers);
  }

  @Test
  void aBatchWithoutResendsIsAllNew() {
    BatchReceipt receipt = receipt(2);
    receipt.recorded(STORED);
    receipt.recorded(STORED);

    assertEquals(List.of(ReportsApplied.ALL_NEW), answers);
  }

  @Test
  void anEmptyBatchIsAnsweredAtOnce() {
    receipt(0);

    assertEquals(List.of(ReportsApplied.ALL_NEW), answers);
  }

  @Test
  void aReportWhoseChangeWasNotStoredRefusesTheBatchOnceAndNothingIsAnswered() {
    BatchReceipt receipt = receipt(3);
    receipt.recorded(Future.failedFuture("store unreachable"));
    receipt.recorded(Future.failedFuture("store unreachable"));
    receipt.recorded(STORED);

    assertEquals(List.of("store unreachable"), refusals);
    assertEquals(List.of(), answers);
  }

  @Test
  void aPatientNotAdmittedIsNamedWithItsReasonOnceEveryReportIsRecorded() {
    BatchReceipt receipt = receipt(2);
    receipt.notAdmitted("P-3", "this member holds its most patients");
    receipt.recorded(STORED);
    receipt.recorded(STORED);

    assertEquals(List.of(new ReportsApplied(List.of(), Map.of("P-3", "this member holds its most patients"))),
        answers);
  }
}
