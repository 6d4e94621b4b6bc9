package org.wardwatch.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A clinical engine's answer to a {@link ReportBatch} on its {@link Addresses#engineReports}: every report is applied
 * (and stored where the engine stores before answering). Node-local answers pass the object itself
 * ({@link RecordCodec}).
 *
 * @param resent the {@link org.wardwatch.model.FrameStamp#key()} of each report not applied again because its frame
 *               had been (a resend)
 */
public record ReportsApplied(List<String> resent) {

  /** The answer when no report was a resend. */
  public static final ReportsApplied ALL_NEW = new ReportsApplied(List.of());

  public ReportsApplied {
    resent = List.copyOf(resent);
  }

  public JsonObject toJson() {
    return new JsonObject().put("ok", true).put("resent", new JsonArray(resent));
  }

  public static ReportsApplied fromJson(JsonObject json) {
    return new ReportsApplied(json.getJsonArray("resent", new JsonArray()).stream().map(String.class::cast).toList());
  }
}
