package org.wardwatch.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.model.FrameReport;

/**
 * A parsing stage's hand-off of accepted reports to the clinical engines of the members that own their patients
 * ({@link Membership#ownerOf}), and the moment to answer the sender: the reports handed on since the last
 * {@link #recorded()} go as one {@link ReportBatch} per owner, and {@link #recorded()} completes once every owner has
 * applied its batch (see the clinical engine for what is stored when). Exactly one engine in the cluster thus
 * evaluates a patient, wherever the patient's devices are connected.
 *
 * <p>A batch is retried while its owner is unknown or gone ({@link OwnerRetries}), grouped again each time, since
 * the owners may have changed, and given up (and logged) after {@value OwnerRetries#GIVE_UP_MS} ms. The sender sends
 * its next batch only once this one is answered, so a device's reports stay in order through retries, unless the
 * sender stops waiting first (a device session after ten seconds, which NAKs the frames): a stamped report (with a
 * {@code Seq}) its owner applied meanwhile is then recognised there as a resend, and an older reading never replaces a
 * newer one. A retried report its owner did apply (the answer was lost) is recognised as a resend too.
 *
 * <p>Not thread-safe: one per parsing verticle, used on its context (an event loop, or the HL7 parser's worker).
 */
public final class ReportHandOff {

  private static final Logger LOG = LoggerFactory.getLogger(ReportHandOff.class);

  private final Vertx vertx;
  private final Membership membership;
  private final BusRequests requests;
  private List<FrameReport> pending = new ArrayList<>();

  private ReportHandOff(Vertx vertx, Membership membership, BusRequests requests) {
    this.vertx = vertx;
    this.membership = membership;
    this.requests = requests;
  }

  /**
   * The hand-off of the calling parsing verticle on the member {@code membership} describes; completes once the
   * owners' answers have a consumer, registered with {@code consumers}.
   */
  public static Future<ReportHandOff> start(Vertx vertx, Membership membership, ClusterConsumers consumers) {
    return BusRequests.clusterWide(vertx, OwnerRetries.ATTEMPT_MS, consumers::consumer)
        .map(requests -> new ReportHandOff(vertx, membership, requests));
  }

  /** Hands {@code report} on with the next {@link #recorded()}. */
  public void handOn(FrameReport report) {
    pending.add(report);
  }

  /**
   * Sends every report handed on since the last call and completes when their owners have applied them; fails when
   * an owner could not be reached within {@value OwnerRetries#GIVE_UP_MS} ms, and the sender must then not be told the
   * data is safe.
   *
   * @return the owners' answers as one: the {@link org.wardwatch.model.FrameStamp#key()} of each report its owner had
   *         applied already (a resend), and the patients an owner did not admit
   */
  public Future<ReportsApplied> recorded() {
    if (pending.isEmpty()) {
      return Future.succeededFuture(ReportsApplied.ALL_NEW);
    }
    List<FrameReport> reports = pending; // handed over whole: each owner's batch is copied from it once
    pending = new ArrayList<>();
    return toOwners(reports, OwnerRetries.deadline()).onFailure(error -> LOG.error(
        "{} report(s) not delivered to their owners within {} ms, given up: {}", reports.size(),
        OwnerRetries.GIVE_UP_MS, error.getMessage()));
  }

  private Future<ReportsApplied> toOwners(List<FrameReport> reports, long deadline) {
    Map<String, List<FrameReport>> byOwner = new LinkedHashMap<>(); // a null key: the owner is not known yet
    for (FrameReport report : reports) {
      String patient = report.source().patientKey();
      if (patient != null) { // a device that never said who it is: there is no patient to tell
        byOwner.computeIfAbsent(membership.ownerOf(patient), owner -> new ArrayList<>()).add(report);
      }
    }
    List<Future<ReportsApplied>> groups = new ArrayList<>(byOwner.size());
    byOwner.forEach((owner, group) -> {
      Promise<ReportsApplied> delivered = Promise.promise();
      send(owner, group, deadline, delivered);
      groups.add(delivered.future());
    });
    if (groups.size() == 1) {
      return groups.get(0);
    }
    return Future.all(groups).map(done -> ReportsApplied.merged(groups.stream().map(Future::result).toList()));
  }

  private void send(String owner, List<FrameReport> group, long deadline, Promise<ReportsApplied> delivered) {
    Future<ReportsApplied> sent = owner == null
        ? Future.failedFuture("owner not known yet")
        : requests.request(Addresses.engineReports(owner), new ReportBatch(group));
    sent.onSuccess(delivered::complete)
        .onFailure(error -> OwnerRetries.retryLater(vertx, deadline, error, delivered,
            () -> toOwners(group, deadline).onComplete(delivered)));
  }
}
