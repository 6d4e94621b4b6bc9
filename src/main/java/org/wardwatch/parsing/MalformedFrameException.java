package org.wardwatch.parsing;

import org.wardwatch.model.DeviceIdentity;

/**
 * A frame that cannot be accepted. The message is the reason sent back to the device, written for the technician who
 * has to fix it; {@link #sequence()} is the frame's {@code Seq} when it could be read, so the NAK can name the frame,
 * and {@link #source()} whom the frame was about, once its identity was known.
 */
public class MalformedFrameException extends Exception {

  private final String sequence;
  private final transient DeviceIdentity source;

  public MalformedFrameException(String reason, String sequence) {
    this(reason, sequence, null);
  }

  private MalformedFrameException(String reason, String sequence, DeviceIdentity source) {
    super(reason, null, false, false);
    this.sequence = sequence;
    this.source = source;
  }

  /** This refusal of a frame about {@code frameSource} (the connection's identity with the frame's own keys). */
  MalformedFrameException about(DeviceIdentity frameSource) {
    return new MalformedFrameException(getMessage(), sequence, frameSource);
  }

  /** Whom the frame was about, or {@code null} when it failed before its identity was read. */
  public DeviceIdentity source() {
    return source;
  }

  /** The frame's {@code Seq} as sent, or {@code null} when it had none or it was unreadable. */
  public String sequence() {
    return sequence;
  }
}
