package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;

/**
 * What a patient's move to another ward announces, once a frame placed them there ({@link PatientUpdates}): the
 * notice that takes the patient off the old ward's screens, published on that ward's vitals address in the snapshot's
 * place ({@code {"patient", "device", "bed", "ward", "movedTo": {"ward", "bed"}, "seq", "at"}}), and the audit entry
 * {@code MOVED}. The new ward's screens get the patient's snapshot, and their alarms, which move with them
 * ({@link PatientAlarms#placedAt}). Pure.
 */
final class PatientMove {

  private PatientMove() {
  }

  /**
   * The notice to the screens of {@code from}'s ward that {@code patient} left it for the ward they are on now, at
   * their latest change, {@code seq}: a screen takes a snapshot of that number or lower for one made before they left
   * (a batch's frames share one time: a patient moved away and back in one has a snapshot of the notice's time).
   */
  static PatientSnapshot notice(PatientRecord patient, DeviceIdentity from) {
    DeviceIdentity to = patient.source();
    long seq = patient.seq(); // the values as they are now: the notice is written when first sent, maybe later
    String at = patient.updated().toString();
    return PatientSnapshot.ofNotice(patient.key(), from.wardOrDefault(), json -> {
      json.writeStartObject();
      json.writeStringField("patient", patient.key());
      json.writeStringField("device", from.device());
      json.writeStringField("bed", from.bed());
      json.writeStringField("ward", from.wardOrDefault());
      json.writeObjectFieldStart("movedTo");
      json.writeStringField("ward", to.wardOrDefault());
      json.writeStringField("bed", to.bed());
      json.writeEndObject();
      json.writeNumberField("seq", seq);
      json.writeStringField("at", at);
      json.writeEndObject();
    });
  }

  /** The audit entry of {@code patient}'s move from {@code from}'s ward and bed to where they are now. */
  static JsonObject audit(PatientRecord patient, DeviceIdentity from) {
    DeviceIdentity to = patient.source();
    return new JsonObject().put("at", patient.updated()).put("patient", patient.key()).put("type", "MOVED")
        .put("actor", AlarmTransition.SYSTEM).put("ward", to.wardOrDefault()).put("bed", to.bed())
        .put("device", to.device()).put("detail", "moved from ward " + from.wardOrDefault() + place(from) + " to ward "
            + to.wardOrDefault() + place(to) + ", as device " + to.device() + " placed them; their alarms with them");
  }

  private static String place(DeviceIdentity identity) {
    return identity.bed() == null ? "" : " bed " + identity.bed();
  }
}
