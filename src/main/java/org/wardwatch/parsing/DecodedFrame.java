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
   * An observation frame: what one device reported about its patient at one time.
   *
   * @param refused why each value refused alone was ({@link LineFrameDecoder}), all for the device's answer (the
   *                report names the first: {@link FrameReport#refused}); empty when the frame is recorded whole
   */
  record Measurements(FrameReport report, String sequence, List<String> unknownKeys, List<String> refused)
      implements DecodedFrame {

    public DeviceIdentity source() {
      return report.source();
    }

    public List<Observation> observations() {
      return report.observations();
    }

  }
}
