package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.ReportsApplied;

class BatchReceiptTest {

  private final List<ReportsApplied> answers = new ArrayList<>();

  @Test
  void answersOnceWhenTheLastReportIsRecordedNamingTheResends() {
    BatchReceipt receipt = new BatchReceipt(3, answers::add);
    receipt.recorded();
    receipt.resent("D-1/7");
    receipt.recorded();
    assertEquals(List.of(), answers, "not before every report is recorded");

    receipt.recorded();

    assertEquals(List.of(new ReportsApplied(List.of("D-1/7"))), answers);
  }

  @Test
  void aBatchWithoutResendsIsAllNew() {
    BatchReceipt receipt = new BatchReceipt(2, answers::add);
    receipt.recorded();
    receipt.recorded();

    assertEquals(List.of(ReportsApplied.ALL_NEW), answers);
  }

  @Test
  void anEmptyBatchIsAnsweredAtOnce() {
    new BatchReceipt(0, answers::add);

    assertEquals(List.of(ReportsApplied.ALL_NEW), answers);
  }
}
