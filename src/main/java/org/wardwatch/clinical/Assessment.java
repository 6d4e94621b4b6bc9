package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/**
 * What a clinician charted of a patient for NEWS2: level of consciousness, air or oxygen, whether SpO2 is judged on
 * scale 2, and whether NEWS2 applies to the patient at all ({@link News2Use}: stopped, the patient is neither scored
 * nor alarmed on it). A {@code null} part was not charted, and stays as it was; an assessment charts at least one part.
 */
public record Assessment(Consciousness consciousness, OxygenSupport oxygen, Boolean spo2Scale2, News2Use news2) {

  /** @throws IllegalArgumentException when no part is charted: it would change nothing, yet fill the audit trail */
  public Assessment {
    if (consciousness == null && oxygen == null && spo2Scale2 == null && news2 == null) {
      throw new IllegalArgumentException("an assessment charts at least one of 'consciousness', 'oxygen', "
          + "'spo2Scale2' or 'news2Applies'");
    }
  }

  /**
   * Charts this on {@code patient} at {@code now}, by {@code user}. Stopping NEWS2 clears its alarm in the user's name
   * ("NEWS2 stopped by ..."), not as though the score had come down; it is refused while that alarm awaits
   * acknowledgement, so that every alarm an action ends has been seen (as a measurement's stop,
   * {@link MeasurementStop#requireAllowed}).
   *
   * @return the transitions of the NEWS2 alarm the stop cleared, if any
   * @throws ActionRefused.AlarmsUnacknowledged when this stops NEWS2 and its alarm awaits acknowledgement; nothing is
   *                                            charted then
   */
  List<AlarmTransition> applyTo(PatientRecord patient, String user, Instant now) {
    boolean stopsNews2 = news2 != null && !news2.applies() && patient.assessment().news2Applies();
    if (stopsNews2) {
      ActionRefused.AlarmsUnacknowledged.unlessNone(patient.key(), "NEWS2 alarm",
          patient.alarms().unacknowledged(Set.of(PatientConditions.NEWS2)));
    }
    patient.assessment().assess(this, now);
    return stopsNews2 ? patient.alarms().clearedBy(PatientConditions.NEWS2, user, "NEWS2 stopped by " + user, now)
        : List.of();
  }

  /**
   * The audit trail's entry of this assessment of {@code patient} by {@code user}: its detail says what was charted
   * ("Voice; oxygen 2.50 L/min; SpO2 scale 2; NEWS2 not used: pregnant"), and {@code assessment} holds it as the
   * action's fields.
   */
  JsonObject auditEntry(String patient, String user, Instant at) {
    List<String> charted = new ArrayList<>();
    JsonObject fields = new JsonObject();
    if (consciousness != null) {
      charted.add(consciousness.label());
      fields.put("consciousness", consciousness.name());
    }
    if (oxygen != null) {
      charted.add(oxygen.onOxygen() ? "oxygen " + oxygen.toText() + " L/min" : "air");
      fields.put("oxygen", oxygen.toText());
    }
    if (spo2Scale2 != null) {
      charted.add("SpO2 scale " + (spo2Scale2 ? 2 : 1));
      fields.put("spo2Scale2", spo2Scale2);
    }
    if (news2 != null) {
      charted.add(news2.describe());
      fields.put("news2Applies", news2.applies());
      if (news2.reason() != null) {
        fields.put("news2Reason", news2.reason());
      }
    }
    return new JsonObject().put("at", at).put("patient", patient).put("type", "ASSESSMENT").put("actor", user)
        .put("detail", String.join("; ", charted)).put("assessment", fields);
  }
}
