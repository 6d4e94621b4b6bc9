package org.wardwatch.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.wardwatch.model.FrameReport;

/**
 * Accepted reports handed on together, in arrival order: from a parsing stage to the {@link Addresses#engineReports}
 * of the member that owns their patients. One message per device read and owner rather than per frame; node-local
 * hops pass the object itself ({@link RecordCodec}).
 *
 * @param reports the reports, in the order they were received
 */
public record ReportBatch(List<FrameReport> reports) {

  public ReportBatch {
    reports = List.copyOf(reports);
  }

  public JsonObject toJson() {
    return new JsonObject().put("reports", new JsonArray(reports.stream().map(FrameReport::toJson).toList()));
  }

  public static ReportBatch fromJson(JsonObject json) {
    return new ReportBatch(json.getJsonArray("reports").stream()
        .map(report -> FrameReport.fromJson((JsonObject) report)).toList());
  }
}
