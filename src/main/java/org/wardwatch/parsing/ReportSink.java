package org.wardwatch.parsing;

import org.wardwatch.model.FrameReport;

/** Where a parsing stage hands its accepted reports: on to their patients' owners, unless a report is not admitted. */
@FunctionalInterface
public interface ReportSink {

  /**
   * Hands {@code report} on.
   *
   * @return {@code null}, or why the report was not handed on (its frame is then refused with that reason, as no fault
   *         of its data)
   */
  String handOn(FrameReport report);
}
