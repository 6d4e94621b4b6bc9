package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;

/**
 * The patient a clinician's action is about: the one it names, else the one its alarm belongs to (alarm ids begin
 * with their patient's key, {@code <patient>/<condition>/<uuid>}, see {@link PatientAlarms}). Pure.
 */
public final class ActionTarget {

  private ActionTarget() {
  }

  /** The patient key of {@code action}, or {@code null} when it names neither a patient nor an alarm. */
  public static String patientOf(JsonObject action) {
    String patient = action.getString("patient");
    if (patient != null) {
      return patient;
    }
    String alarmId = action.getString("alarmId");
    int end = alarmId == null ? -1 : alarmId.indexOf('/');
    return end > 0 ? alarmId.substring(0, end) : null;
  }
}
