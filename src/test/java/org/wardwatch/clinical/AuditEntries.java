package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The audit entries of an update other than its transitions' (assessments, limit overrides, discharges), for tests. */
final class AuditEntries {

  private AuditEntries() {
  }

  static List<JsonObject> of(WardUpdate update) {
    return update.audit().stream().filter(record -> !record.transition()).map(AuditRecord::entry).toList();
  }
}
