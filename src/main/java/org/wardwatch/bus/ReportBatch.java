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
 * @param reports     the reports, in the order they were received
 * @param refusalsRead true when the sender reads the patients not admitted ({@link ReportsApplied#notAdmitted}); a
 *                     parsing stage of the version before does not, so its reports are admitted whatever the limit,
 *                     lest they be acknowledged to their devices unrecorded
 */
public record ReportBatch(List<FrameReport> reports, boolean refusalsRead) {

  public ReportBatch {
    reports = List.copyOf(reports);
  }

  /** A batch of this version's parsing stage, which reads the patients not admitted. */
  public ReportBatch(List<FrameReport> reports) {
    this(reports, true);
  }

  public JsonObject toJson() {
    return new JsonObject().put("reports", new JsonArray(reports.stream().map(FrameReport::toJson).toList()))
        .put("refusalsRead", refusalsRead);
  }

  public static ReportBatch fromJson(JsonObject json) {
    return new ReportBatch(json.getJsonArray("reports").stream()
        .map(report -> FrameReport.fromJson((JsonObject) report)).toList(), json.getBoolean("refusalsRead", false));
  }
}
