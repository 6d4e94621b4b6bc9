package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;

/**
 * What a patient's discharge announces, made by {@link WardState#discharge}: the patient's alarms cleared by the
 * clinician, the notice that takes the patient off the ward's screens, published on the ward's vitals address in the
 * snapshot's place ({@code {"patient", "device", "bed", "ward", "discharged": true, "at", "by"}}), and the audit entry
 * {@code DISCHARGED}; and when a discharge is refused. Pure.
 */
final class PatientDischarge {

  private PatientDischarge() {
  }

  /**
   * Refuses the discharge of {@code patient} while a device is {@code stillSending} (null: none; its next frame would
   * admit the patient again at once), and while a HIGH physiological alarm of it awaits acknowledgement (a discharge
   * would clear it unseen).
   *
   * @throws ActionRefused.StillMonitored           while a device still sends
   * @throws ActionRefused.AlarmsUnacknowledged while a HIGH alarm awaits acknowledgement
   */
  static void requireAllowed(PatientRecord patient, String stillSending) {
    if (stillSending != null) {
      boolean monitor = stillSending.equals(patient.source().device());
      throw new ActionRefused.StillMonitored("Patient " + patient.key() + (monitor ? "'s monitor " : "'s device ")
          + stillSending + " is still sending" + (monitor ? "" : " data the gateway refuses")
          + ": unplug it (or stop its reports) first, or its next reading admits the patient again");
    }
    ActionRefused.AlarmsUnacknowledged.unlessNone(patient.key(), "HIGH alarms",
        patient.alarms().unacknowledgedHigh());
  }

  /**
   * The update of {@code patient}'s discharge by {@code user} at {@code now}, whose alarms {@code cleared} ended: the
   * patient is a changed and discharged one, so that its stored state goes too ({@link PatientStoreWriter}).
   */
  static WardUpdate of(PatientRecord patient, List<AlarmTransition> cleared, String user, Instant now) {
    DeviceIdentity source = patient.source();
    PatientSnapshot notice = PatientSnapshot.ofNotice(patient.key(), patient.ward(), json -> {
      json.writeStartObject();
      json.writeStringField("patient", patient.key());
      json.writeStringField("device", source.device());
      json.writeStringField("bed", source.bed());
      json.writeStringField("ward", source.wardOrDefault());
      json.writeBooleanField("discharged", true);
      json.writeStringField("at", now.toString());
      json.writeStringField("by", user);
      json.writeEndObject();
    });
    JsonObject audit = new JsonObject().put("at", now).put("patient", patient.key()).put("type", "DISCHARGED")
        .put("actor", user).put("ward", source.wardOrDefault()).put("bed", source.bed()).put("device", source.device())
        .put("detail", "discharged from ward " + patient.ward() + (cleared.isEmpty() ? "" : "; alarms ended: "
            + cleared.size()));
    List<AuditRecord> records = new ArrayList<>(patient.auditOutbox().addTransitions(cleared));
    records.add(patient.auditOutbox().add(audit, false));
    return new WardUpdate(List.copyOf(cleared), List.of(notice), records, Set.of(patient.key()),
        Set.of(patient.key()));
  }
}
