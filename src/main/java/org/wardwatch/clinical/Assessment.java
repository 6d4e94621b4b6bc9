package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/**
 * What a clinician charted of a patient for NEWS2: level of consciousness, air or oxygen, and whether SpO2 is judged
 * on scale 2. A {@code null} part was not charted, and stays as it was; an assessment charts at least one part.
 */
public record Assessment(Consciousness consciousness, OxygenSupport oxygen, Boolean spo2Scale2) {

  /** @throws IllegalArgumentException when no part is charted: it would change nothing, yet fill the audit trail */
  public Assessment {
    if (consciousness == null && oxygen == null && spo2Scale2 == null) {
      throw new IllegalArgumentException("an assessment charts at least one of 'consciousness', 'oxygen' or "
          + "'spo2Scale2'");
    }
  }

  /**
   * The audit trail's entry of this assessment of {@code patient} by {@code user}: its detail says what was charted
   * ("Voice; oxygen 2.50 L/min; SpO2 scale 2"), and {@code assessment} holds it as the action's fields.
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
    return new JsonObject().put("at", at).put("patient", patient).put("type", "ASSESSMENT").put("actor", user)
        .put("detail", String.join("; ", charted)).put("assessment", fields);
  }
}
