package org.wardwatch.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.model.Priority;

class AlarmPolicyTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void givenDefaults_whenRead_thenWardTimings() {
    AlarmPolicy policy = AlarmPolicy.defaults();

    assertEquals(Duration.ofMinutes(5), policy.escalateAfter(Priority.LOW));
    assertEquals(Duration.ofMinutes(2), policy.escalateAfter(Priority.MEDIUM));
    assertEquals(Duration.ofMinutes(1), policy.escalateAfter(Priority.HIGH));
    assertEquals(Duration.ofMinutes(5), policy.reminderInterval());
    assertEquals(Duration.ofMinutes(2), policy.maxAudioPause());
  }

  static Stream<Arguments> invalidPolicies() {
    return Stream.of(
        Arguments.of(null, MINUTE, MINUTE, "escalateAfter is required"),
        Arguments.of(Map.of(Priority.LOW, MINUTE, Priority.MEDIUM, MINUTE), MINUTE, MINUTE,
            "escalateAfter.HIGH is required: every priority needs an escalation time"),
        Arguments.of(escalation(Duration.ZERO), MINUTE, MINUTE, "escalateAfter.LOW must be positive, was PT0S"),
        Arguments.of(escalation(Duration.ofSeconds(-1)), MINUTE, MINUTE,
            "escalateAfter.LOW must be positive, was PT-1S"),
        Arguments.of(escalation(MINUTE), null, MINUTE, "reminderInterval is required"),
        Arguments.of(escalation(MINUTE), Duration.ZERO, MINUTE, "reminderInterval must be positive, was PT0S"),
        Arguments.of(escalation(MINUTE), MINUTE, null, "maxAudioPause is required"),
        Arguments.of(escalation(MINUTE), MINUTE, Duration.ofMinutes(-2),
            "maxAudioPause must be positive, was PT-2M"));
  }

  @ParameterizedTest
  @MethodSource("invalidPolicies")
  void givenInvalidDuration_whenPolicyBuilt_thenRejectedNamingTheField(Map<Priority, Duration> escalateAfter,
      Duration reminderInterval, Duration maxAudioPause, String expected) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new AlarmPolicy(escalateAfter, reminderInterval, maxAudioPause));

    assertEquals(expected, error.getMessage());
  }

  @Test
  void givenMapWithNullDuration_whenPolicyBuilt_thenRejectedNamingThePriority() {
    Map<Priority, Duration> escalateAfter = new HashMap<>(escalation(MINUTE));
    escalateAfter.put(Priority.MEDIUM, null);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new AlarmPolicy(escalateAfter, MINUTE, MINUTE));

    assertEquals("escalateAfter.MEDIUM is required: every priority needs an escalation time", error.getMessage());
  }

  @Test
  void givenMutableMap_whenChangedAfterThePolicyWasBuilt_thenPolicyUnchangedAndItsMapReadOnly() {
    Map<Priority, Duration> escalateAfter = new EnumMap<>(escalation(MINUTE));
    AlarmPolicy policy = new AlarmPolicy(escalateAfter, MINUTE, MINUTE);

    escalateAfter.put(Priority.LOW, Duration.ofHours(1));

    assertEquals(MINUTE, policy.escalateAfter(Priority.LOW));
    assertThrows(UnsupportedOperationException.class,
        () -> policy.escalateAfter().put(Priority.LOW, Duration.ofHours(1)));
  }

  @Test
  void givenPauseRequests_whenCapped_thenNeverAboveTheMaximum() {
    AlarmPolicy policy = AlarmPolicy.defaults();

    assertEquals(Duration.ofSeconds(30), policy.audioPauseFor(Duration.ofSeconds(30)));
    assertEquals(Duration.ofMinutes(2), policy.audioPauseFor(Duration.ofMinutes(2)));
    assertEquals(Duration.ofMinutes(2), policy.audioPauseFor(Duration.ofHours(1)));
  }

  private static Map<Priority, Duration> escalation(Duration low) {
    return Map.of(Priority.LOW, low, Priority.MEDIUM, MINUTE, Priority.HIGH, MINUTE);
  }
}
