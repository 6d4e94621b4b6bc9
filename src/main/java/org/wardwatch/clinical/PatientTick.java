package org.wardwatch.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.wardwatch.clinical.alarm.AlarmTransition;
import org.wardwatch.clinical.news2.News2Score;

/**
 * What the passing of time does to one patient: alarm timers run, limit overrides that expired give way to the ward's
 * limits (judged again, and audited), a device a {@code HELLO} carried long enough is back from its disconnection, one
 * carried by a connection of a member gone from the cluster is disconnected, a device that stopped sending refused
 * frames is no longer named invalid, and parameters gone silent, onset delays and NEWS2 are reassessed when due. Pure,
 * with time passed in; called by {@link WardState#tick} for each patient of the slice it ticks.
 */
final class PatientTick {

  private PatientTick() {
  }

  /**
   * The update of {@code patient} at {@code now}, ended by {@code updates}, while the cluster's members there have
   * device connections of the {@code presentOrigins} (null: not known).
   */
  static WardUpdate of(PatientConditions conditions, PatientUpdates updates, PatientRecord patient,
      Set<Long> presentOrigins, Instant now) {
    News2Score before = patient.news2();
    List<LimitOverride> expired = patient.overrides().expire(now);
    List<AlarmTransition> own = new ArrayList<>(patient.alarms().tick(now));
    expired.forEach(override -> own.addAll(conditions.rejudge(patient, override.parameter(), now)));
    own.addAll(conditions.devices().helloSettled(patient, now));
    own.addAll(conditions.devices().membersGone(patient, presentOrigins, now));
    own.addAll(conditions.devices().refusalsStopped(patient, now));
    own.addAll(conditions.reassessIfDue(patient, now));
    boolean dataChanged = !expired.isEmpty() || !Objects.equals(patient.news2(), before);
    WardUpdate update = updates.changed(patient, own, dataChanged, now);
    for (LimitOverride override : expired) {
      update = update.audited(patient.auditOutbox()
          .add(override.auditEntry("LIMIT_OVERRIDE_EXPIRED", AlarmTransition.SYSTEM, now), false));
    }
    return update;
  }
}
