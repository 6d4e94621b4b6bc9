package org.wardwatch.clinical;

import java.util.List;
import org.wardwatch.bus.BusFailures;

/**
 * A clinician's action the {@link WardState} refuses, with the message for whoever sent it: {@link UnknownTarget} (an
 * alarm, patient or measurement the engine does not have), {@link StillMonitored} (a discharge while the patient is
 * monitored, a measurement stopped while still reported) or {@link AlarmsUnacknowledged} (a discharge, a measurement's
 * or NEWS2's stop that would end alarms nobody has acknowledged). Thrown without a stack trace: a refusal is an
 * answer, not a fault.
 */
public abstract sealed class ActionRefused extends RuntimeException {

  private final int failureCode;

  private ActionRefused(String message, int failureCode) {
    super(message, null, false, false);
    this.failureCode = failureCode;
  }

  /** The failure code to answer with, an HTTP status the REST API passes on: 404 or 409. */
  public int failureCode() {
    return failureCode;
  }

  /** An action named an alarm or patient this engine does not have. */
  public static final class UnknownTarget extends ActionRefused {
    UnknownTarget(String message) {
      super(message, BusFailures.NOT_FOUND);
    }
  }

  /**
   * A discharge or a measurement's stop refused: the patient's device is still sending what it would end, and its next
   * frame would start it again.
   */
  public static final class StillMonitored extends ActionRefused {
    StillMonitored(String message) {
      super(message, BusFailures.CONFLICT);
    }
  }

  /**
   * A discharge, or a measurement's or NEWS2's stop, refused: physiological alarms it would end await acknowledgement,
   * and would end unseen (a monitor that came loose from a deteriorating patient looks just like one unplugged at
   * discharge).
   */
  public static final class AlarmsUnacknowledged extends ActionRefused {
    AlarmsUnacknowledged(String message) {
      super(message, BusFailures.CONFLICT);
    }

    /**
     * Refuses an action on patient {@code patientKey} while {@code unseen}, the messages of the alarms it would end
     * ({@code which}: "alarms", "HIGH alarms"), is not empty.
     */
    static void unlessNone(String patientKey, String which, List<String> unseen) {
      if (!unseen.isEmpty()) {
        throw new AlarmsUnacknowledged("Acknowledge patient " + patientKey + "'s " + which + " first: "
            + String.join("; ", unseen));
      }
    }
  }
}
