package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wardwatch.bus.ReportsApplied;

/**
 * The clinical engine's receipt for one {@link org.wardwatch.bus.ReportBatch}: counts its reports as they are recorded,
 * in whatever order and whenever each patient is taken over, notes the resends, and hands the {@link ReportsApplied}
 * to {@code answer} once the last is recorded. A counter instead of a future per report, as a batch holds up to a
 * thousand of them.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class BatchReceipt {

  private final Consumer<ReportsApplied> answer;
  private final List<String> resent = new ArrayList<>(0);
  private int unrecorded;

  /** A receipt for {@code reports} reports; with none, it answers at once. */
  BatchReceipt(int reports, Consumer<ReportsApplied> answer) {
    this.answer = answer;
    this.unrecorded = reports;
    if (reports == 0) {
      answer.accept(ReportsApplied.ALL_NEW);
    }
  }

  /** Notes that the report stamped {@code key} was a resend, not applied again; it still needs {@link #recorded}. */
  void resent(String key) {
    resent.add(key);
  }

  /** One report is recorded; after the last, the sender is answered. */
  void recorded() {
    if (--unrecorded == 0) {
      answer.accept(resent.isEmpty() ? ReportsApplied.ALL_NEW : new ReportsApplied(resent));
    }
  }
}
