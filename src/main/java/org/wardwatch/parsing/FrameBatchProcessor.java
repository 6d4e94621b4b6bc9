package org.wardwatch.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.wardwatch.bus.ReportsApplied;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.FrameStamp;

/**
 * Turns a {@link FrameBatch} into verdicts, handing every accepted frame's report to a {@link ReportSink} in order,
 * stamped ({@link FrameStamp}) when the frame has a {@code Seq}, so the patient's owner can recognise a resend. A frame
 * some of whose values were refused hands on the rest and is answered with a NAK naming the refused ones
 * ({@link FrameVerdict#partlyRecorded}). Frames are processed in arrival order, so a {@code HELLO} applies to the
 * frames after it in the same batch; a refused {@code HELLO} leaves the connection no identity (its device meant
 * another: its next frames would be charted to the patient before). A connection whose certificate names its devices
 * ({@link FrameBatch#certifiedDevices()}) has a frame or {@code HELLO} about any other device rejected.
 *
 * <p>Holds no state besides its decoder (stateless) and sink: used by the frame parser's event loop, and shared by the
 * device sessions with a sink that keeps nothing ({@code DeviceNotices}).
 */
public final class FrameBatchProcessor {

  static final String RESEND_NOTE = "resend of a frame already recorded; not recorded again";

  private final LineFrameDecoder decoder;
  private final ReportSink sink;

  public FrameBatchProcessor(LineFrameDecoder decoder, ReportSink sink) {
    this.decoder = decoder;
    this.sink = sink;
  }

  public ProcessedBatch process(FrameBatch batch) {
    DeviceIdentity session = batch.session();
    List<FrameVerdict> verdicts = new ArrayList<>(batch.frames().size());
    List<String> stamps = new ArrayList<>(batch.frames().size());
    List<String> patients = new ArrayList<>(batch.frames().size());
    // by patient, then device (a relay may forward a patient's monitor and oximeter), the latest of each; Strings keep
    // their hash, and an entry is made once per patient and device
    Map<String, Map<String, DeviceIdentity>> named = null;
    for (String frame : batch.frames()) {
      String stamp = null;
      String patient = null;
      DeviceIdentity next = session; // the connection's identity after the frame
      try {
        DecodedFrame decoded = decoder.decode(frame, session, batch.connection(), batch.receivedAt());
        String uncertified = uncertified(decoded, batch.certifiedDevices());
        if (uncertified != null && decoded instanceof DecodedFrame.Hello) {
          verdicts.add(FrameVerdict.helloRefused(decoded.sequence(), uncertified));
          next = DeviceIdentity.UNKNOWN;
        } else if (uncertified != null) {
          verdicts.add(FrameVerdict.rejected(decoded.sequence(), uncertified)); // blamed on the connection
        } else if (decoded instanceof DecodedFrame.Hello hello) {
          next = hello.identity();
          verdicts.add(FrameVerdict.hello(hello.sequence(), unknownKeysNote(decoded), next));
        } else {
          DecodedFrame.Measurements measurements = (DecodedFrame.Measurements) decoded;
          FrameReport report = stamped(measurements, frame);
          sink.handOn(report);
          DeviceIdentity source = report.source();
          boolean namedItself = source != session; // a frame naming itself or its patient; the usual one is not
          stamp = report.stamp() == null ? null : report.stamp().key();
          patient = source.patientKey();
          verdicts.add(measurements.refused().isEmpty()
              ? FrameVerdict.accepted(measurements.sequence(), unknownKeysNote(decoded), namedItself ? source : null)
              : FrameVerdict.partlyRecorded(measurements.sequence(), withNote(measurements.refused(),
                  unknownKeysNote(decoded)), source));
          if (namedItself) {
            named = withNamed(named, source);
          }
        }
      } catch (MalformedFrameException e) {
        if (FrameFields.startsWithHello(frame)) {
          verdicts.add(FrameVerdict.helloRefused(e.sequence(), e.getMessage()));
          next = DeviceIdentity.UNKNOWN;
        } else {
          verdicts.add(FrameVerdict.rejected(e.sequence(), e.getMessage(), read(e.source(), batch.certifiedDevices())));
        }
      }
      if (session.device() != null && !session.equals(next)) { // a HELLO that changed the device, or was refused
        named = withNamed(named, session);
      }
      session = next;
      stamps.add(stamp);
      patients.add(patient);
    }
    return new ProcessedBatch(new BatchVerdict(session, verdicts, named == null ? List.of()
        : named.values().stream().flatMap(devices -> devices.values().stream()).toList()), stamps, patients);
  }

  /** {@code named}, made when null, with {@code identity} as the latest of its patient and device. */
  private static Map<String, Map<String, DeviceIdentity>> withNamed(Map<String, Map<String, DeviceIdentity>> named,
      DeviceIdentity identity) {
    Map<String, Map<String, DeviceIdentity>> byPatient = named != null ? named : new LinkedHashMap<>();
    byPatient.computeIfAbsent(identity.patientKey(), patient -> new LinkedHashMap<>(2))
        .put(identity.device(), identity);
    return byPatient;
  }

  /** The frame's report, stamped when it has a {@code Seq}. */
  private static FrameReport stamped(DecodedFrame.Measurements frame, String text) {
    return frame.sequence() == null ? frame.report()
        : frame.report().withStamp(FrameStamp.of(frame.source().device(), Long.parseLong(frame.sequence()), text));
  }

  /** Why {@code frame} may not be taken from a connection that may speak for {@code certified} only; else null. */
  private static String uncertified(DecodedFrame frame, Set<String> certified) {
    if (certified == null) {
      return null; // any device: the usual connection
    }
    String device = frame instanceof DecodedFrame.Hello hello ? hello.identity().device()
        : ((DecodedFrame.Measurements) frame).report().source().device();
    return certified.contains(device) ? null
        : "device " + device + " is not one this connection's certificate names " + certified;
  }

  /**
   * Whom a refused frame was about, {@code named}, when it could be read and the connection may speak for that device
   * (its certificate names it, or it has none); else {@code null}, the connection's own identity ({@link
   * FrameVerdict#about}): a frame can never raise an alarm on a device its certificate does not name.
   */
  private static DeviceIdentity read(DeviceIdentity named, Set<String> certified) {
    return named != null && (certified == null || certified.contains(named.device())) ? named : null;
  }

  /** {@code reasons}, and {@code note} after them when there is one. */
  private static List<String> withNote(List<String> reasons, String note) {
    return note == null ? reasons : Stream.concat(reasons.stream(), Stream.of(note)).toList();
  }

  private static String unknownKeysNote(DecodedFrame frame) {
    return frame.unknownKeys().isEmpty() ? null : "ignored unknown key(s): " + String.join(", ", frame.unknownKeys());
  }

  /**
   * The verdicts of a batch, before the owners said which of its frames were resends and which patients they did not
   * admit.
   *
   * @param stamps   each frame's {@link FrameStamp#key()}, {@code null} for frames not handed on or without {@code Seq}
   * @param patients each frame's patient key, {@code null} for frames not handed on
   */
  public record ProcessedBatch(BatchVerdict verdict, List<String> stamps, List<String> patients) {

    /**
     * The verdict to send: frames the owners did not apply again ({@link ReportsApplied#resent()}, one entry per frame)
     * are acknowledged with {@link #RESEND_NOTE} (one partly recorded keeps its NAK, naming the values refused), and
     * those of a patient not admitted ({@link ReportsApplied#notAdmitted()}) refused with its reason, their identities
     * no longer named for the session. Of several frames with the same stamp in one batch, the last ones are the
     * resends (once the first is applied, the copies after it are not).
     */
    public BatchVerdict answer(ReportsApplied applied) {
      if (applied.resent().isEmpty() && applied.notAdmitted().isEmpty()) {
        return verdict;
      }
      Map<String, Integer> toMark = new HashMap<>();
      applied.resent().forEach(stamp -> toMark.merge(stamp, 1, Integer::sum));
      List<FrameVerdict> verdicts = new ArrayList<>(verdict.verdicts());
      for (int i = verdicts.size() - 1; i >= 0; i--) {
        String stamp = stamps.get(i);
        String notAdmitted = patients.get(i) == null ? null : applied.notAdmitted().get(patients.get(i));
        if (notAdmitted != null) {
          verdicts.set(i, FrameVerdict.notAdmitted(verdicts.get(i).sequence(), notAdmitted));
        } else if (stamp != null && toMark.getOrDefault(stamp, 0) > 0) {
          toMark.merge(stamp, -1, Integer::sum);
          if (!verdicts.get(i).partlyRecorded()) { // one partly recorded is answered as before: its values still bad
            verdicts.set(i, FrameVerdict.accepted(verdicts.get(i).sequence(), RESEND_NOTE, verdicts.get(i).about()));
          }
        }
      }
      List<DeviceIdentity> named = applied.notAdmitted().isEmpty() ? verdict.named() : verdict.named().stream()
          .filter(identity -> !applied.notAdmitted().containsKey(identity.patientKey())).toList();
      return new BatchVerdict(verdict.session(), verdicts, named);
    }
  }
}
