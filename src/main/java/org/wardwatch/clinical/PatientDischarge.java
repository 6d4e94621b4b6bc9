package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.DeviceIdentity;

/**
 * What a patient's discharge announces, made by {@link WardState#discharge}: the patient's alarms cleared by the
 * clinician, the notice that takes the patient off the ward's screens, published on the ward's vitals address in the
 * snapshot's place ({@code {"patient", "device", "bed", "ward", "discharged": true, "at", "by"}}), and the audit entry
 * {@code DISCHARGED}. Pure.
 */
final class PatientDischarge {

  private PatientDischarge() {
  }

  /**
   * The update of {@code patient}'s discharge by {@code user} at {@code now}, whose alarms {@code cleared} ended: the
   * patient is a changed and discharged one, so that its stored state goes too ({@link PatientStoreWriter}).
   */
  static WardUpdate of(PatientRecord patient, List<AlarmTransition> cleared, String user, Instant now) {
    DeviceIdentity source = patient.source();
    PatientSnapshot notice = PatientSnapshot.ofDischarge(patient.key(), patient.ward(), json -> {
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
        .put("actor", user).put("detail", "discharged from ward " + patient.ward()
            + (cleared.isEmpty() ? "" : "; alarms ended: " + cleared.size()));
    return new WardUpdate(List.copyOf(cleared), List.of(notice), List.of(audit), Set.of(patient.key()),
        Set.of(patient.key()));
  }
}
