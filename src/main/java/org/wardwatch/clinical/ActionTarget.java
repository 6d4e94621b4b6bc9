package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;

/**
 * The patient a clinician's action is about: the one its alarm belongs to (alarm ids begin with their patient's key,
 * {@code <patient>/<condition>/<uuid>}, see {@link PatientAlarms}), else the one it names; an alarm action's
 * {@code patient} field never redirects it. Pure.
 */
public final class ActionTarget {

  private ActionTarget() {
  }

  /**
   * The patient key of {@code action}, or {@code null} when it names neither a patient nor an alarm of this gateway's
   * making (fields of another type than text are ignored).
   */
  public static String patientOf(JsonObject action) {
    if (action.getValue("alarmId") instanceof String alarmId) {
      int end = alarmId.indexOf('/');
      return end > 0 ? alarmId.substring(0, end) : null;
    }
    return action.getValue("patient") instanceof String patient ? patient : null;
  }
}
