package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.TransitionType;

/**
 * Makes a {@link WardUpdate} known, for the clinical engine once the update may be seen: its snapshots on
 * {@link Addresses#wardVitals}, its alarm transitions on {@link Addresses#wardAlarms} (escalations also on
 * {@link Addresses#wardEscalations}), and each of its {@link AuditRecord}s logged and recorded in the
 * {@link AuditTrail} under its key, the engine told of each one recorded (so that its patient stops keeping it for a
 * next owner). Records a previous owner left unrecorded are recorded the same way, and those whose writing failed are
 * recorded again.
 *
 * <p>Not thread-safe: used on the clinical engine verticle's event loop.
 */
final class UpdateAnnouncer {

  /** The engine's log: alarm transitions are its lines, as operators know them. */
  private static final Logger LOG = LoggerFactory.getLogger(ClinicalEngineVerticle.class);

  /** The most records kept to be recorded again while the audit trail cannot be reached; the oldest go first. */
  static final int MAX_FAILED = 50_000;
  /** How many of them are tried again at once, rather than all in one burst. */
  static final int RETRIES_PER_CALL = 1000;
  /** The most wards whose vitals address is kept made. */
  private static final int MAX_WARD_ADDRESSES = 1000;

  /** The options of every publication: the defaults, made once, not by the bus for each message; never changed. */
  private static final DeliveryOptions PUBLISHED = new DeliveryOptions();

  private final EventBus bus;
  /** Writes an entry to the audit trail under its key ({@link AuditTrail#record}). */
  private final BiFunction<String, JsonObject, Future<Void>> audit;
  private final Consumer<AuditRecord> recorded;
  /** The records whose writing failed, to {@link #recordFailedAgain}. */
  private final Deque<AuditRecord> failed = new ArrayDeque<>();
  /** True from a write's failure until the audit trail takes writes again. */
  private boolean failing;
  /** {@link Addresses#wardVitals} by ward, made once per ward rather than once per snapshot. */
  private final Map<String, String> vitalsAddresses = new HashMap<>();

  /** An announcer that records with {@code audit} and tells {@code recorded} of each audit record once it is in. */
  UpdateAnnouncer(EventBus bus, BiFunction<String, JsonObject, Future<Void>> audit, Consumer<AuditRecord> recorded) {
    this.bus = bus;
    this.audit = audit;
    this.recorded = recorded;
  }

  void announce(WardUpdate update) {
    List<AuditRecord> audit = update.audit();
    for (int i = 0; i < audit.size(); i++) { // by index: a frame's usual update has none, and no iterator is made
      AuditRecord record = audit.get(i);
      if (record.transition()) {
        publishTransition(record);
      } else {
        JsonObject entry = record.entry();
        LOG.info("[{}] {} by {}{}: {}", record.patient(), entry.getString("type"), entry.getString("actor"),
            origin(record), entry.getString("detail"));
      }
      record(record);
    }
    List<PatientSnapshot> snapshots = update.snapshots();
    for (int i = 0; i < snapshots.size(); i++) {
      PatientSnapshot snapshot = snapshots.get(i);
      bus.publish(vitalsAddress(snapshot.ward()), snapshot, PUBLISHED);
    }
  }

  /**
   * Records what a previous owner of a patient stored and may not have recorded before it stopped (recorded already,
   * a record is not recorded twice); not published again: the ward has the patient's alarms from its snapshot.
   */
  void recordLeftOver(List<AuditRecord> records) {
    if (!records.isEmpty()) {
      LOG.info("[{}] {} audit entries its stored state holds as maybe not recorded: recorded now (not twice)",
          records.get(0).patient(), records.size());
      records.forEach(this::record);
    }
  }

  /** Logs the transition of {@code record} and publishes it to its ward's alarms (and escalations). */
  private void publishTransition(AuditRecord record) {
    JsonObject json = record.entry();
    String ward = json.getString("ward");
    LOG.info("[{}] alarm {} {} {} by {}{}: {}", record.patient(), json.getString("alarmId"), json.getString("type"),
        json.getString("priority"), json.getString("actor"), origin(record), json.getString("detail"));
    bus.publish(Addresses.wardAlarms(ward), json, BusCodecs.sharedJson());
    if (TransitionType.ESCALATED.name().equals(json.getString("type"))) {
      bus.publish(Addresses.wardEscalations(ward), json, BusCodecs.sharedJson());
    }
  }

  /**
   * Records again what could not be recorded (the audit trail out of reach), at most {@value #RETRIES_PER_CALL} at a
   * time: called every second. The records are also kept with their patients' state meanwhile, for a member that takes
   * a patient over.
   */
  void recordFailedAgain() {
    for (int due = Math.min(RETRIES_PER_CALL, failed.size()); due > 0; due--) { // not those failing again now
      record(failed.removeFirst());
    }
  }

  private void record(AuditRecord record) {
    audit.apply(record.key(), record.audited())
        .onSuccess(done -> {
          if (failing && failed.isEmpty()) {
            failing = false;
            LOG.info("audit trail reachable again: the entries not recorded meanwhile are recorded");
          }
          recorded.accept(record);
        })
        .onFailure(error -> {
          if (!failing) { // once per outage, not per entry
            failing = true;
            LOG.error("audit entry {} not recorded; it and the others not recorded are tried again every second",
                record.key(), error);
          }
          if (failed.size() == MAX_FAILED) {
            LOG.warn("audit entry {} dropped from the entries to record again: more than {} wait",
                failed.removeFirst().key(), MAX_FAILED);
          }
          failed.addLast(record);
        });
  }

  private String vitalsAddress(String ward) {
    if (vitalsAddresses.size() >= MAX_WARD_ADDRESSES && !vitalsAddresses.containsKey(ward)) {
      vitalsAddresses.clear(); // devices name the wards: a flood of names must not grow this without end
    }
    return vitalsAddresses.computeIfAbsent(ward, Addresses::wardVitals);
  }

  private static String origin(AuditRecord record) {
    return record.origin() == null ? "" : " (" + record.origin() + ")";
  }
}
