package org.wardwatch.parsing;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.wardwatch.model.DeviceIdentity;

/**
 * The answer to one frame.
 *
 * @param sequence  the frame's {@code Seq} as sent, or {@code null}
 * @param accepted  true for ACK, false for NAK
 * @param detail    for a NAK the reason (for one partly recorded, the values refused); for an ACK an optional note
 *                  (ignored keys, resend); else {@code null}
 * @param about     for a NAK from the parser, whom the frame was about when its identity could be read: the
 *                  connection's identity at that frame with the frame's own identity keys (a technical alarm goes to
 *                  that patient, and may admit it); for a {@code HELLO}, the identity it set, none
 *                  ({@link DeviceIdentity#UNKNOWN}) when refused (so the frames after it, refused by the gateway
 *                  itself, are known to be about it); for an accepted frame that named its own device or patient, that
 *                  identity; for one partly recorded, always whom it was about; else {@code null}: the connection's
 *                  identity at that frame (an accepted frame about it, or a refused one whose identity could not be
 *                  read, or that its certificate does not allow)
 * @param hello     true for a {@code HELLO}, accepted or refused
 * @param notAdmitted true for a NAK because the gateway did not admit the frame's patient (it monitors its
 *                  most patients): no fault of the device's data
 * @param partlyRecorded true for a NAK of a frame some of whose values were refused and the rest recorded
 *                  ({@link #partlyRecorded})
 */
public record FrameVerdict(String sequence, boolean accepted, String detail, DeviceIdentity about, boolean hello,
    boolean notAdmitted, boolean partlyRecorded) {

  /** An accepted frame about the connection's identity at that frame. */
  public static FrameVerdict accepted(String sequence, String note) {
    return accepted(sequence, note, null);
  }

  /** An accepted frame about {@code about}, which it named itself ({@code null}: the connection's identity). */
  public static FrameVerdict accepted(String sequence, String note, DeviceIdentity about) {
    return new FrameVerdict(sequence, true, note, about, false, false, false);
  }

  /**
   * A NAK of a frame about {@code about} some of whose values were refused, each for one of {@code reasons}, and the
   * rest recorded: the device hears what to fix (its report told the engine, for the invalid-signal alarm:
   * {@code FrameReport#refused}), and the frame counts as data delivered, not as a bad frame in a row (a device whose
   * one sensor is faulty is not cut off from the others').
   */
  public static FrameVerdict partlyRecorded(String sequence, List<String> reasons, DeviceIdentity about) {
    return new FrameVerdict(sequence, false, String.join("; ", reasons), about, false, false, true);
  }

  /** True when the frame's values, all or some, were handed to its patient's owner. */
  public boolean recorded() {
    return accepted || partlyRecorded;
  }

  /** An accepted {@code HELLO}, which set the connection's identity to {@code identity}. */
  public static FrameVerdict hello(String sequence, String note, DeviceIdentity identity) {
    return new FrameVerdict(sequence, true, note, identity, true, false, false);
  }

  /**
   * A refused {@code HELLO}: the connection has no identity after it (its device meant another, so the frames after
   * it would be charted to the patient before), and it is no patient's invalid data.
   */
  public static FrameVerdict helloRefused(String sequence, String reason) {
    return new FrameVerdict(sequence, false, reason, DeviceIdentity.UNKNOWN, true, false, false);
  }

  /**
   * A refusal by the gateway itself (an overlong frame, a parser that did not answer), about the connection's identity
   * at that frame.
   */
  public static FrameVerdict rejected(String sequence, String reason) {
    return rejected(sequence, reason, null);
  }

  /**
   * {@link #rejected(String, String)} for the frame {@code line}, which was not parsed (cut short, say): its NAK names
   * the frame's {@code Seq} when one can be found in it; a {@code HELLO}'s is {@link #helloRefused}.
   */
  public static FrameVerdict unparsed(String line, String reason) {
    String sequence = FrameFields.findRawSequence(line);
    return FrameFields.startsWithHello(line) ? helloRefused(sequence, reason) : rejected(sequence, reason);
  }

  public static FrameVerdict rejected(String sequence, String reason, DeviceIdentity about) {
    return new FrameVerdict(sequence, false, reason, about, false, false, false);
  }

  /** A NAK of a frame whose patient the gateway did not admit, for {@code reason} ({@link #notAdmitted}). */
  public static FrameVerdict notAdmitted(String sequence, String reason) {
    return new FrameVerdict(sequence, false, reason, null, false, true, false);
  }

  public JsonObject toJson() {
    return new JsonObject().put("seq", sequence).put("ok", accepted).put("detail", detail)
        .put("about", about == null ? null : about.toJson()).put("hello", hello).put("notAdmitted", notAdmitted)
        .put("partlyRecorded", partlyRecorded);
  }

  public static FrameVerdict fromJson(JsonObject json) {
    JsonObject about = json.getJsonObject("about");
    return new FrameVerdict(json.getString("seq"), json.getBoolean("ok"), json.getString("detail"),
        about == null ? null : DeviceIdentity.fromJson(about), json.getBoolean("hello", false),
        json.getBoolean("notAdmitted", false), json.getBoolean("partlyRecorded", false));
  }
}
