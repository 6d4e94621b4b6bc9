package org.wardwatch.parsing;

import java.util.List;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;

/** What a well-formed line frame says: either who the device is, or what it measured. */
public sealed interface DecodedFrame {

  /** The frame's {@code Seq} exactly as sent (answers echo it), or {@code null}. */
  String sequence();

  /** Keys the decoder did not recognise and ignored, to be reported back to the device. */
  List<String> unknownKeys();

  /** {@code HELLO|Device=...}: the connection's identity from now on. */
  record Hello(DeviceIdentity identity, String sequence, List<String> unknownKeys) implements DecodedFrame {
  }

  /**
   * An observation frame: what one device reported about its patient at one time, and which of its values were
   * refused alone ({@link FrameReport#refused}, {@link LineFrameDecoder}).
   */
  record Measurements(FrameReport report, String sequence, List<String> unknownKeys) implements DecodedFrame {

    public DeviceIdentity source() {
      return report.source();
    }

    public List<Observation> observations() {
      return report.observations();
    }

    public List<String> refused() {
      return report.refused();
    }
  }
}
