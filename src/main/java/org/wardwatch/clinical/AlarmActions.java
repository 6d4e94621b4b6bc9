package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/**
 * Reads a clinician's action, as sent by the dashboard through the bridge or by the REST API, and applies it to the
 * engine: {@code {"action": "acknowledge", "alarmId", "user"}}, {@code {"action": "pause-audio", "alarmId", "user",
 * "seconds"}} or {@code {"action": "assess", "patient", "user", "consciousness"?, "oxygen"?, "spo2Scale2"?}}.
 *
 * <p>A malformed action is an {@link IllegalArgumentException} whose message says what is wrong; an unknown alarm or
 * patient is a {@link WardState.UnknownTarget}. Every action needs the acting user, who is recorded with it.
 */
final class AlarmActions {

  private AlarmActions() {
  }

  static WardState.Update apply(WardState engine, JsonObject action, Instant now) {
    String user = required(action, "user");
    return switch (required(action, "action")) {
      case "acknowledge" -> engine.act(required(action, "alarmId"), alarm -> alarm.acknowledge(user, now), now);
      case "pause-audio" -> {
        Duration requested = Duration.ofSeconds(positive(action, "seconds"));
        yield engine.act(required(action, "alarmId"), alarm -> alarm.pauseAudio(user, requested, now), now);
      }
      case "assess" -> engine.assess(required(action, "patient"),
          parse(action, "consciousness", Consciousness::parse),
          parse(action, "oxygen", OxygenSupport::parse),
          action.getValue("spo2Scale2") instanceof Boolean scale2 ? scale2 : null,
          now);
      default -> throw new IllegalArgumentException(
          "unknown action '" + action.getString("action") + "': use acknowledge, pause-audio or assess");
    };
  }

  private static String required(JsonObject action, String key) {
    Object value = action.getValue(key);
    if (!(value instanceof String text) || text.isBlank() || text.length() > 128) {
      throw new IllegalArgumentException("'" + key + "' is required (a non-empty string)");
    }
    return text;
  }

  private static long positive(JsonObject action, String key) {
    if (!(action.getValue(key) instanceof Number number) || number.longValue() <= 0) {
      throw new IllegalArgumentException("'" + key + "' must be a positive number of seconds");
    }
    return number.longValue();
  }

  private static <T> T parse(JsonObject action, String key, Function<String, T> parser) {
    Object value = action.getValue(key);
    return value == null ? null : parser.apply(String.valueOf(value));
  }
}
