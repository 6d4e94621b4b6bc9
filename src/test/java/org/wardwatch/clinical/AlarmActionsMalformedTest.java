package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.clinical.WardStateFixtures.at;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed JSON actions refused by the clinical engine before they change anything, each with an error naming the
 * field at fault: a missing or unknown action, a missing target, bad values, and user names that are empty, too long,
 * or made to pass for another name or for the system.
 */
class AlarmActionsMalformedTest extends AlarmActionsFixture {

  static Stream<Arguments> malformedActions() {
    return Stream.of(
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"  \"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": 7}", "user"),
        Arguments.of("{\"user\": \"nurse\"}", "action"),
        Arguments.of("{\"action\": \"acknowledge\", \"user\": \"nurse\"}", "alarmId"),
        Arguments.of("{\"action\": \"pause-audio\", \"user\": \"nurse\", \"seconds\": 30}", "alarmId"),
        Arguments.of("{\"action\": \"snooze\", \"user\": \"nurse\"}", "snooze"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\"}", "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": 0}",
            "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": -5}",
            "seconds"),
        Arguments.of("{\"action\": \"pause-audio\", \"alarmId\": \"a\", \"user\": \"nurse\", \"seconds\": \"60\"}",
            "seconds"),
        Arguments.of("{\"action\": \"assess\", \"user\": \"nurse\", \"consciousness\": \"A\"}", "patient"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"consciousness\": \"X\"}",
            "consciousness"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"consciousness\": \"AV\"}",
            "consciousness"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"oxygen\": \"lots\"}",
            "oxygen"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\", \"oxygen\": \"-1\"}",
            "oxygen"),
        Arguments.of("{\"action\": \"assess\", \"patient\": \"P1\", \"user\": \"nurse\"}", "consciousness"),
        Arguments.of("{\"action\": \"discharge\", \"user\": \"nurse\"}", "patient"),
        Arguments.of("{\"action\": \"discharge\", \"patient\": \"P1\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\\nDISCHARGED by admin\"}",
            "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"" + "n".repeat(129) + "\"}",
            "128 characters"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\u202eknil\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"nurse\u2028admin\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"\u00a0\u3000\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"System\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u034f\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"sys\ufe0ftem\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u3164\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"system\u2800\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"sys\u200dtem\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"kim\u200d\"}", "user"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"" + "\ufdfa".repeat(20) + "\"}",
            "128 characters"),
        Arguments.of("{\"action\": \"acknowledge\", \"alarmId\": \"a\", \"user\": \"\uff53ystem\u00a0\"}", "user"));
  }

  @ParameterizedTest
  @MethodSource("malformedActions")
  void givenMalformedAction_whenApplied_thenIllegalArgumentNamingTheField(String action, String field) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> apply(new JsonObject(action), at(5)));

    assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
        error::getMessage);
  }

  @Test
  void givenMalformedAction_whenRejected_thenNothingChanged() {
    JsonObject before = engine.view().snapshot("P1").orElseThrow().toJson();

    assertThrows(IllegalArgumentException.class, () -> apply(new JsonObject().put("action", "assess")
        .put("patient", "P1").put("user", NURSE).put("consciousness", "V").put("oxygen", "lots"), at(5)));

    assertEquals(before, engine.view().snapshot("P1").orElseThrow().toJson());
  }
}
