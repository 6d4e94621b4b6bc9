package org.wardwatch.clinical;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * One page of the audit trail, chosen from its entries as they are read, in the order recorded: oldest first by time,
 * those of one instant as recorded. Only the entries the page may need are kept decoded ({@code skip + limit + 1}, the
 * last to tell whether more follow), so a query reads a trail of any length in a page's memory.
 *
 * <p>Not thread-safe: one query's, on its worker thread.
 */
final class AuditSelection implements Consumer<Buffer> {

  private record Candidate(Instant at, long order, JsonObject entry) {
  }

  private static final Comparator<Candidate> OLDEST_FIRST =
      Comparator.comparing(Candidate::at).thenComparingLong(Candidate::order);

  private final String patient;
  private final Instant since;
  private final int skip;
  private final int limit;
  /** The oldest entries seen, newest at the head: the one to drop when there are too many. */
  private final PriorityQueue<Candidate> newestFirst = new PriorityQueue<>(OLDEST_FIRST.reversed());
  private long read;

  /**
   * @param patient  only this patient's entries, or {@code null} for all
   * @param since    only entries at or after this time, or {@code null} for all
   * @param skip     how many of the entries at {@code since} itself to leave out (given by an earlier page)
   * @param limit    the most entries the page gives
   */
  AuditSelection(String patient, Instant since, int skip, int limit) {
    this.patient = patient;
    this.since = since;
    this.skip = skip;
    this.limit = limit;
  }

  /** Considers the next entry recorded. */
  @Override
  public void accept(Buffer recorded) {
    long order = read++;
    JsonObject entry = recorded.toJsonObject();
    if (patient != null && !patient.equals(entry.getString("patient"))) {
      return;
    }
    Instant at = entry.getInstant("at");
    if (since != null && at.isBefore(since)) {
      return;
    }
    newestFirst.add(new Candidate(at, order, entry));
    if (newestFirst.size() > skip + limit + 1) {
      newestFirst.poll();
    }
  }

  /** The page of the entries considered. */
  AuditTrail.AuditPage page() {
    List<Candidate> oldest = new ArrayList<>(newestFirst);
    oldest.sort(OLDEST_FIRST);
    int from = 0;
    while (from < skip && from < oldest.size() && oldest.get(from).at().equals(since)) {
      from++;
    }
    int to = Math.min(oldest.size(), from + limit);
    JsonArray entries = new JsonArray(oldest.subList(from, to).stream().map(Candidate::entry).toList());
    if (to == oldest.size()) {
      return new AuditTrail.AuditPage(entries, null, 0);
    }
    Instant next = oldest.get(to).at();
    int given = 0; // of the entries at the next page's instant, those given by this page or before it
    while (given < to && oldest.get(to - 1 - given).at().equals(next)) {
      given++;
    }
    return new AuditTrail.AuditPage(entries, next, given);
  }
}
