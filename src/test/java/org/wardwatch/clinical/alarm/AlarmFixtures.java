package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Priority;
import org.wardwatch.testing.TestClock;

/** Shared givens of the alarm tests: a fixed clock origin, one bed, the default policy and small helpers. */
final class AlarmFixtures {

  /** Every test's time zero, the {@link TestClock}'s; later times are {@code at(seconds)}. */
  static final Instant T0 = TestClock.T0;
  static final DeviceIdentity BED_12 = new DeviceIdentity("mon-7", "P123", "12", "icu");
  static final AlarmPolicy POLICY = AlarmPolicy.defaults();
  static final String NURSE = "nurse.kim";
  static final String DOCTOR = "dr.ode";
  /** The parts of the fixtures' pulse condition: above its limit. */
  static final Set<String> ABOVE = Set.of("ABOVE");

  private AlarmFixtures() {
  }

  /** {@link TestClock#at}: {@code seconds} after {@link #T0}. */
  static Instant at(long seconds) {
    return TestClock.at(seconds);
  }

  /** An alarm raised at {@link #T0} with the default policy. */
  static Alarm raised(AlarmKind kind, Priority priority) {
    return Alarm.raise("P123/PULSE/1", kind, "PULSE", BED_12, priority, "Pulse 190 /min above 150", ABOVE,
        T0, POLICY).alarm();
  }

  static Alarm physiological(Priority priority) {
    return raised(AlarmKind.PHYSIOLOGICAL, priority);
  }

  static Alarm technical(Priority priority) {
    return raised(AlarmKind.TECHNICAL, priority);
  }

  static List<TransitionType> types(List<AlarmTransition> transitions) {
    return transitions.stream().map(AlarmTransition::type).toList();
  }

  /**
   * The end of {@code alarm}'s audio pause, as its JSON gives it ({@code audioPausedUntil}); it may lie in the past
   * until the next tick re-arms.
   */
  static Optional<Instant> audioPausedUntil(Alarm alarm) {
    return Optional.ofNullable(alarm.toJson().getInstant("audioPausedUntil"));
  }

  /**
   * True when {@code alarm} sounds at {@code now}, as the dashboard reads its JSON ({@code alarmstate.js}): it awaits
   * acknowledgement (active or latched) and no audio pause runs, {@code audioPausedUntil} absent or not after now.
   */
  static boolean audible(Alarm alarm, Instant now) {
    JsonObject json = alarm.toJson();
    Instant pausedUntil = json.getInstant("audioPausedUntil");
    return AlarmState.valueOf(json.getString("state")).isAwaitingAcknowledgement()
        && (pausedUntil == null || !now.isBefore(pausedUntil));
  }

  /** The one transition in {@code transitions}, failing the test when there is not exactly one. */
  static AlarmTransition only(List<AlarmTransition> transitions) {
    assertEquals(1, transitions.size(), () -> "expected one transition, got " + transitions);
    return transitions.get(0);
  }
}
