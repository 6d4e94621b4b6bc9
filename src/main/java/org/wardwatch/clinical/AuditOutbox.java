package org.wardwatch.clinical;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.StateJson;

/**
 * A patient's audit entries made and not yet known to be in the {@link AuditTrail}. They are part of the patient's
 * state: an update that makes one is stored before it is announced ({@link PatientStoreWriter}), so when the owner
 * dies between the two, the member that takes the patient over finds them in the stored state and records them
 * ({@link PatientTakeover}), and no alarm transition or clinician's action goes unaudited. Each entry's key
 * ({@link AuditRecord}) is {@code patient/at/n/id}: {@code n}, the patient's own count of entries, orders one
 * instant's entries as they were made, and {@code id}, the outbox's own (random when the patient is first seen, then
 * kept in its state), keeps two keys apart for a patient that had to start afresh. An entry recorded by its maker and
 * again by a new owner is one entry.
 *
 * <p>Holds at most {@value #MAX_PENDING} entries: while the audit trail cannot be reached, the oldest go first (said
 * in the log), rather than the patient's stored state growing without end. Not thread-safe: part of a
 * {@link PatientRecord}.
 */
final class AuditOutbox {

  static final int MAX_PENDING = 500;
  private static final Logger LOG = LoggerFactory.getLogger(AuditOutbox.class);

  /** This outbox's part of its keys. */
  private String id = UUID.randomUUID().toString();
  /** How many entries the patient has made, ever. */
  private long made;
  private final Deque<AuditRecord> pending = new ArrayDeque<>();

  /**
   * Keys {@code entry} (of this outbox's patient) and holds it until {@link #recorded}. The record holds the entry as
   * JSON reads it back ({@code 2.50} as {@code 2.5}), so that the maker and a member taking the patient over record,
   * publish and store the same.
   */
  AuditRecord add(JsonObject entry, boolean transition) {
    made++;
    AuditRecord record = new AuditRecord(entry.getString("patient") + "/" + entry.getString("at") + "/"
        + ordinal(made) + "/" + id, new JsonObject(entry.toBuffer()), transition, null);
    hold(record);
    return record;
  }

  /**
   * {@code made} in 19 digits, zeros first, so that keys sort by it (as {@code %019d} would, without a
   * {@code Formatter} for each alarm transition, which took 1 % of the node's CPU in a profile of W3).
   */
  static String ordinal(long made) {
    String digits = Long.toString(made);
    return "0".repeat(19 - digits.length()) + digits;
  }

  /** {@link #add}s the entry of each of {@code transitions}, in order; no stream for none, a frame's usual case. */
  List<AuditRecord> addTransitions(List<AlarmTransition> transitions) {
    return transitions.isEmpty() ? List.of()
        : transitions.stream().map(transition -> add(transition.toJson(), true)).toList();
  }

  /** Holds {@code record} in place of the one of its key (made by a clinician's action: it now has its origin). */
  void replace(AuditRecord record) {
    pending.removeIf(held -> held.key().equals(record.key()));
    hold(record);
  }

  /** The entry of {@code key} is in the audit trail: it is let go. */
  void recorded(String key) {
    pending.removeIf(held -> held.key().equals(key)); // the oldest, as a rule: entries are recorded in order
  }

  /** The entries not known to be recorded, oldest first. */
  List<AuditRecord> pending() {
    return List.copyOf(pending);
  }

  JsonObject toState() {
    return new JsonObject().put("id", id).put("made", made)
        .put("pending", new JsonArray(pending.stream().map(AuditRecord::toState).toList()));
  }

  /** The outbox {@link #toState} wrote; an empty one for {@code null} (a state stored before outboxes were). */
  static AuditOutbox fromState(JsonObject state) {
    AuditOutbox outbox = new AuditOutbox();
    if (state != null) {
      outbox.id = StateJson.string(state, "id");
      outbox.made = StateJson.required(state.getLong("made"), "made");
      StateJson.objects(state, "pending").forEach(record -> outbox.hold(AuditRecord.fromState(record)));
    }
    return outbox;
  }

  private void hold(AuditRecord record) {
    if (pending.size() == MAX_PENDING) {
      LOG.warn("[{}] audit entry {} no longer kept for a next owner: over {} of the patient's are not recorded",
          record.patient(), pending.removeFirst().key(), MAX_PENDING);
    }
    pending.addLast(record);
  }
}
