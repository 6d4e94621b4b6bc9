package org.wardwatch.parsing;

import java.util.List;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;

/** What a well-formed line frame says: either who the device is, or what it measured. */
public sealed interface DecodedFrame {

  /** The frame's {@code Seq} as sent, or {@code null}. */
  Long sequence();

  /** Keys the decoder did not recognise and ignored, to be reported back to the device. */
  List<String> unknownKeys();

  /** {@code HELLO|Device=...}: the connection's identity from now on. */
  record Hello(DeviceIdentity identity, Long sequence, List<String> unknownKeys) implements DecodedFrame {
  }

  /** An observation frame: one or more values from one device at one time. */
  record Measurements(DeviceIdentity source, Long sequence, List<Observation> observations, List<String> unknownKeys)
      implements DecodedFrame {
  }
}
