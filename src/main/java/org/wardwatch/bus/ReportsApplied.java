package org.wardwatch.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clinical engine's answer to a {@link ReportBatch} on its {@link Addresses#engineReports}: every report is applied
 * (and stored where the engine stores before answering) but those of the patients it did not admit. Node-local answers
 * pass the object itself ({@link RecordCodec}).
 *
 * @param resent      the {@link org.wardwatch.model.FrameStamp#key()} of each report not applied again because its
 *                    frame had been (a resend)
 * @param notAdmitted the patients whose reports were not applied, each with the reason for its sender: a new patient
 *                    beyond the most a member holds (the patients already held are never refused)
 */
public record ReportsApplied(List<String> resent, Map<String, String> notAdmitted) {

  /** The answer when every report was new and applied. */
  public static final ReportsApplied ALL_NEW = new ReportsApplied(List.of(), Map.of());

  public ReportsApplied {
    resent = List.copyOf(resent);
    notAdmitted = Map.copyOf(notAdmitted);
  }

  /** The answers of several engines to the parts of one batch, as one. */
  public static ReportsApplied merged(List<ReportsApplied> answers) {
    if (answers.size() == 1) {
      return answers.get(0);
    }
    List<String> resent = answers.stream().flatMap(answer -> answer.resent().stream()).toList();
    Map<String, String> notAdmitted = new LinkedHashMap<>();
    answers.forEach(answer -> notAdmitted.putAll(answer.notAdmitted()));
    return new ReportsApplied(resent, notAdmitted);
  }

  public JsonObject toJson() {
    JsonObject reasons = new JsonObject();
    notAdmitted.forEach(reasons::put);
    return new JsonObject().put("ok", true).put("resent", new JsonArray(resent)).put("notAdmitted", reasons);
  }

  /** Reads {@link #toJson}. */
  public static ReportsApplied fromJson(JsonObject json) {
    Map<String, String> notAdmitted = new LinkedHashMap<>();
    json.getJsonObject("notAdmitted").forEach(entry ->
        notAdmitted.put(entry.getKey(), String.valueOf(entry.getValue())));
    return new ReportsApplied(json.getJsonArray("resent").stream().map(String.class::cast).toList(), notAdmitted);
  }
}
