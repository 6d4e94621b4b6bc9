package org.wardwatch.clinical;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wardwatch.bus.PatientSnapshot;
import org.wardwatch.clinical.news2.News2Score;
import org.wardwatch.clinical.news2.Timed;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.OxygenSupport;
import org.wardwatch.model.Parameter;

/**
 * A patient's snapshot as it stood at one change, and the one definition of its JSON, what browsers and the REST API
 * get: {@code patient}, {@code device}, {@code bed}, {@code ward}, {@code seq} and {@code fromSeq}, the first change it
 * shows (below {@code seq} when it shows several frames of a batch at once; {@code seq} itself in an answer to a
 * query), {@code updated}; {@code vitals}, the latest value of each parameter by name ({@code value}, {@code unit},
 * {@code time}, {@code questionable}; {@code every}, the seconds between its reports, for one reported every 15 s or
 * less often; {@code received}, when the gateway received it, as {@code time} is written, for one received more than
 * {@link #CAME_WITH} before {@code updated}); the assessment ({@code consciousness} and {@code oxygen}, each with its
 * {@code time}, or null; {@code spo2Scale2}; {@code news2Applies}, false when a clinician stopped NEWS2 for the
 * patient); {@code news2} ({@link News2Score#writeTo}, or null);
 * {@code limitOverrides}; the live {@code alarms} and {@code technicalAlarms}, highest priority first. Holds values
 * that no longer change (it copies the vitals and overrides it is given; the rest is immutable, and the alarms' JSON
 * is made for it), so it can be written later, on another thread, or never.
 *
 * <p>{@code received} is for a page that first sees a value in a snapshot made after it came (the REST API's, or a
 * live one after an acknowledgement): every change of the patient bumps {@code updated}, so that says nothing of when
 * the value came, and a device's clock may run ahead, so its {@code time} may not either. A value of the change the
 * snapshot shows came with it: its {@code updated} says when, and {@code received} would cost every live snapshot its
 * bytes.
 */
record SnapshotDocument(String patient, DeviceIdentity source, long seq, long fromSeq, Instant updated,
    Map<Parameter, Observation> vitals, int[] reportEvery, Timed<Consciousness> consciousness,
    Timed<OxygenSupport> oxygen,
    boolean spo2Scale2, boolean news2Applies, News2Score news2, List<LimitOverride> overrides, JsonArray alarms,
    JsonArray technicalAlarms)
    implements PatientSnapshot.Document {

  private static final Parameter[] PARAMETERS = Parameter.values();
  /**
   * How long before {@code updated} a value may have been received and still be taken as one that came with the change
   * the snapshot shows (a frame reaches the engine milliseconds after its read), its {@code received} left out: a page
   * taking {@code updated} for it instead has its age at most this short.
   */
  static final Duration CAME_WITH = Duration.ofSeconds(1);

  /** Copies {@code vitals} (in parameter order) and {@code overrides}; {@code alarms} must not change afterwards. */
  SnapshotDocument {
    vitals = Collections.unmodifiableMap(new EnumMap<>(vitals));
    overrides = List.copyOf(overrides);
  }

  @Override
  public void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("patient", patient);
    json.writeStringField("device", source.device());
    json.writeStringField("bed", source.bed());
    json.writeStringField("ward", source.wardOrDefault());
    json.writeNumberField("seq", seq);
    json.writeNumberField("fromSeq", fromSeq);
    char[] timeText = new char[InstantText.MAX_LENGTH];
    json.writeFieldName("updated");
    if (updated == null) {
      json.writeNull();
    } else {
      json.writeString(timeText, 0, InstantText.write(updated, timeText));
    }
    writeVitals(json, timeText);
    writeJson(json, "consciousness", consciousness == null ? null
        : new JsonObject().put("value", consciousness.value().name()).put("time", consciousness.time()));
    writeJson(json, "oxygen", oxygen == null ? null
        : FrameReport.oxygenJson(oxygen.value()).put("time", oxygen.time()));
    json.writeBooleanField("spo2Scale2", spo2Scale2);
    json.writeBooleanField("news2Applies", news2Applies);
    json.writeFieldName("news2");
    if (news2 == null) {
      json.writeNull();
    } else {
      news2.writeTo(json);
    }
    json.writeArrayFieldStart("limitOverrides");
    for (LimitOverride override : overrides) {
      JacksonCodec.encodeJson(override.toJson(), json);
    }
    json.writeEndArray();
    writeJson(json, "alarms", alarms);
    writeJson(json, "technicalAlarms", technicalAlarms);
    json.writeEndObject();
  }

  /** Writes the vitals, their times formatted in {@code timeText} ({@link InstantText#MAX_LENGTH} chars). */
  private void writeVitals(JsonGenerator json, char[] timeText) throws IOException {
    json.writeObjectFieldStart("vitals");
    Instant time = null;
    int timeLength = 0;
    Instant receivedBefore = updated == null ? null : updated.minus(CAME_WITH);
    char[] receivedText = null;
    for (Parameter parameter : PARAMETERS) { // not the entries: an EnumMap makes an entry object for each
      Observation observation = vitals.get(parameter);
      if (observation == null) {
        continue;
      }
      if (!observation.effectiveTime().equals(time)) { // the vitals of a frame share one time: formatted once
        time = observation.effectiveTime();
        timeLength = InstantText.write(time, timeText);
      }
      json.writeObjectFieldStart(parameter.name());
      json.writeFieldName("value");
      json.writeNumber(observation.value());
      json.writeStringField("unit", observation.unit());
      json.writeFieldName("time");
      json.writeString(timeText, 0, timeLength);
      json.writeBooleanField("questionable", observation.questionable());
      if (receivedBefore != null && observation.gatewayTime().isBefore(receivedBefore)) {
        if (receivedText == null) { // not timeText: that holds the time formatted last, for the next value of its frame
          receivedText = new char[InstantText.MAX_LENGTH];
        }
        json.writeFieldName("received");
        json.writeString(receivedText, 0, InstantText.write(observation.gatewayTime(), receivedText));
      }
      if (reportEvery != null && reportEvery[parameter.ordinal()] > 0) {
        json.writeNumberField("every", reportEvery[parameter.ordinal()]);
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** Writes {@code value} (Vert.x JSON, or null) as field {@code name}, as Vert.x encodes it. */
  private static void writeJson(JsonGenerator json, String name, Object value) throws IOException {
    json.writeFieldName(name);
    JacksonCodec.encodeJson(value, json);
  }
}
