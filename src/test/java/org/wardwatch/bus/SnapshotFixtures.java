package org.wardwatch.bus;

import io.vertx.core.json.JsonObject;

/** Snapshots for the tests of any package, made as the product makes them. */
public final class SnapshotFixtures {

  private SnapshotFixtures() {
  }

  /**
   * The snapshot of {@code patient} in {@code ward} as a member receives it from another ({@link RecordCodec} decoding
   * it with {@link PatientSnapshot#fromWire}): {@code json}, one JSON object, taken as sent and made ASCII when read.
   */
  public static PatientSnapshot received(String patient, String ward, String json) {
    return PatientSnapshot.fromWire(new JsonObject().put("patient", patient).put("ward", ward).put("json", json));
  }
}
