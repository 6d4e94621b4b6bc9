package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.ReportBatch;
import org.wardwatch.model.FrameReport;

/**
 * The clinical engine's intake of one batch of frame reports: applies them in order, each once its patient is taken
 * over here ({@link PatientTakeover}), each patient shown once after its frames ({@link ShownOnce}), and counts them
 * into the batch's {@link BatchReceipt}: resends acknowledged, not applied again, and the patients not admitted.
 *
 * <p>A patient not held here is admitted while the engine holds fewer than {@code maxPatients}, counting those being
 * taken over. At that number a patient another member stored is still taken over (a member died: its patients must go
 * on being evaluated; {@link PatientTakeover#withStored}), but a new one is not admitted, nor one the store cannot
 * say it holds, and nothing is claimed for it: a device or relay that names a new patient in every frame cannot grow
 * the member's heap, nor the store, until the node dies, and the patients already monitored lose nothing. The first
 * refusal after an admission is logged; the sender is told of each one.
 *
 * <p>Not thread-safe: one per clinical engine verticle, on its event loop.
 */
final class ReportIntake {

  private static final Logger LOG = LoggerFactory.getLogger(ReportIntake.class);

  private final WardState engine;
  private final PatientTakeover takeover;
  private final UpdatePublisher publisher;
  private final PatientStoreWriter writer;
  private final int maxPatients;
  /** True from a refusal, logged, until a new patient is admitted again. */
  private boolean refusing;

  ReportIntake(WardState engine, PatientTakeover takeover, UpdatePublisher publisher, PatientStoreWriter writer,
      int maxPatients) {
    this.engine = engine;
    this.takeover = takeover;
    this.publisher = publisher;
    this.writer = writer;
    this.maxPatients = maxPatients;
  }

  /** {@code {"held", "max", "admitting"}}: what {@link Addresses#PATIENTS_ADMISSION} answers. */
  JsonObject admission() {
    int held = heldOrTakingOver();
    return new JsonObject().put("held", held).put("max", maxPatients).put("admitting", held < maxPatients);
  }

  /**
   * Applies {@code batch}'s reports; {@code receipt} waits for each of them, and for their patients' snapshots, once
   * shown.
   */
  void apply(ReportBatch batch, BatchReceipt receipt) {
    List<FrameReport> reports = refusalsStanding(batch.reports());
    Instant now = Instant.now();
    ShownOnce shownOnce = new ShownOnce(reports.size());
    try {
      for (FrameReport report : reports) {
        String patient = report.source().patientKey();
        boolean takenOverNow = !engine.holds(patient); // its last change, stored by an owner now gone, maybe not shown
        Runnable work = () -> apply(report, takenOverNow, shownOnce, receipt, now);
        admitting(patient, work, reason -> {
          receipt.notAdmitted(patient, reason);
          receipt.recorded(Future.succeededFuture());
        });
      }
    } finally { // the patients applied so far are shown even if one frame failed
      shownOnce.end(patient -> publisher.publish(engine.show(patient))).onComplete(receipt::recorded);
    }
  }

  /**
   * {@code reports}, each with values refused alone ({@link FrameReport#refused}) that a later one of the same device
   * and patient, recorded whole, follows without its refusals: as a frame refused whole and followed in the same read
   * by an accepted one, it raises no invalid-signal alarm that the later one would end at once.
   */
  static List<FrameReport> refusalsStanding(List<FrameReport> reports) {
    int refused = reports.size() - 1;
    while (refused >= 0 && reports.get(refused).refused().isEmpty()) { // by index: no stream per read
      refused--;
    }
    if (refused < 0) {
      return reports; // a read's usual case
    }
    List<FrameReport> standing = new ArrayList<>(reports);
    Set<List<String>> recordedWholeLater = new HashSet<>();
    for (int i = standing.size() - 1; i >= 0; i--) {
      FrameReport report = standing.get(i);
      List<String> deviceAndPatient = Arrays.asList(report.source().device(), report.source().patientKey());
      if (report.refused().isEmpty()) {
        recordedWholeLater.add(deviceAndPatient);
      } else if (recordedWholeLater.contains(deviceAndPatient)) {
        standing.set(i, report.withoutRefusals());
      }
    }
    return standing;
  }

  /**
   * Runs {@code work} on {@code patient} once it is taken over here, admitting a patient not held as the class says;
   * when it is not admitted, {@code notAdmitted} is told why instead, and nothing is claimed. In order with other work
   * for the patient either way.
   */
  void admitting(String patient, Runnable work, Consumer<String> notAdmitted) {
    if (engine.holds(patient)) {
      takeover.withPatient(patient, work);
    } else if (heldOrTakingOver() < maxPatients) {
      refusing = false;
      takeover.withPatient(patient, work);
    } else {
      takeover.withStored(patient, work, () -> notAdmitted.accept(notAdmitted(patient)));
    }
  }

  private int heldOrTakingOver() {
    return engine.view().patients() + takeover.loading();
  }

  private void apply(FrameReport report, boolean takenOverNow, ShownOnce shownOnce, BatchReceipt receipt,
      Instant now) {
    String patient = report.source().patientKey();
    if (engine.isResend(report)) {
      LOG.info("[{}] frame {} applied already; acknowledged again, not applied twice", patient, report.stamp().key());
      receipt.resent(report.stamp().key());
      if (takenOverNow) {
        publisher.publish(engine.shownAgain(patient));
      }
      publisher.publish(engine.heardResend(report, now)); // stored before the resend is answered, as below
      writer.stored(patient).onComplete(receipt::recorded);
      return;
    }
    WardUpdate update = shownOnce.defers(patient) ? engine.applyUnshown(report, now) : engine.apply(report, now);
    publisher.publish(update).onComplete(receipt::recorded);
  }

  /** Why {@code patient} is not admitted; logged at the first refusal since one was. */
  private String notAdmitted(String patient) {
    String reason = "patient " + patient + " not admitted: this gateway member monitors its most patients ("
        + maxPatients + ", patients.maxPerMember); not recorded";
    if (!refusing) {
      refusing = true;
      LOG.warn("{}; further refusals are answered to their senders, and logged again once one is admitted", reason);
    }
    return reason;
  }
}
