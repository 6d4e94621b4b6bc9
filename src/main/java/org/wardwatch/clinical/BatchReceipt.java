package org.wardwatch.clinical;

import io.vertx.core.AsyncResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wardwatch.bus.ReportsApplied;

/**
 * The clinical engine's receipt for one {@link org.wardwatch.bus.ReportBatch}: counts its reports as they are recorded,
 * in whatever order and whenever each patient is taken over, notes the resends and the patients not admitted, and
 * hands the {@link ReportsApplied}
 * to {@code answer} once the last is recorded, or the first failure to store a report's change to {@code refuse}
 * (once, and then nothing to {@code answer}: the sender must not be told its frames are safe). A counter instead of a
 * future per report, as a batch holds up to a thousand of them.
 *
 * <p>Not thread-safe: lives on the clinical engine verticle's event loop.
 */
final class BatchReceipt {

  private final Consumer<ReportsApplied> answer;
  private final Consumer<Throwable> refuse;
  private final List<String> resent = new ArrayList<>(0);
  private final Map<String, String> notAdmitted = new LinkedHashMap<>(0);
  private int unrecorded;
  private boolean refused;

  /** A receipt that waits for {@code reports} reports, or other steps, to be recorded; with none, answers at once. */
  BatchReceipt(int reports, Consumer<ReportsApplied> answer, Consumer<Throwable> refuse) {
    this.answer = answer;
    this.refuse = refuse;
    this.unrecorded = reports;
    if (reports == 0) {
      answer.accept(ReportsApplied.ALL_NEW);
    }
  }

  /** Notes that the report stamped {@code key} was a resend, not applied again; it still needs {@link #recorded}. */
  void resent(String key) {
    resent.add(key);
  }

  /** Notes that {@code patient}'s reports were not applied, for {@code reason}; each still needs {@link #recorded}. */
  void notAdmitted(String patient, String reason) {
    notAdmitted.put(patient, reason);
  }

  /** One report is recorded, its change stored or not ({@code stored}); after the last, the sender is answered. */
  void recorded(AsyncResult<Void> stored) {
    if (stored.failed() && !refused) {
      refused = true;
      refuse.accept(stored.cause());
    }
    if (--unrecorded == 0 && !refused) {
      answer.accept(resent.isEmpty() && notAdmitted.isEmpty() ? ReportsApplied.ALL_NEW
          : new ReportsApplied(resent, notAdmitted));
    }
  }
}
