package org.wardwatch.parsing;

import org.wardwatch.model.FrameReport;

/** Where a parsing stage hands its accepted reports: on to their patients' owners. */
@FunctionalInterface
public interface ReportSink {

  /** Hands {@code report} on. */
  void handOn(FrameReport report);
}
