package org.wardwatch.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one accepted frame says about one patient: the measured values and, when the frame carried them, the
 * patient's level of consciousness (ACVPU) and whether they breathe air or supplemental oxygen. The unit that flows
 * from parsing to the clinical engine.
 *
 * @param time           when the frame's content applies: the device's time, else the gateway's
 * @param receivedAt     when the gateway received the frame, by the clock of the node that read it; {@code null} when
 *                       not known (a report from a node of an earlier version)
 * @param consciousness  ACVPU, or {@code null} when the frame did not say
 * @param oxygen         air or oxygen, or {@code null} when the frame did not say
 * @param sensorsOff     parameters the device reported as {@code OFF} (sensor detached or switched off)
 * @param stamp          the frame it came from, when the frame had a {@code Seq}; else {@code null}
 * @param connection     the device connection that delivered the frame; {@code null} for an HL7 message, or from a
 *                       node that did not say
 * @param refused        why values of the frame (or HL7 message) were refused alone: its device's data is invalid,
 *                       though these values are recorded; the first {@value #REFUSALS_NAMED} and a line counting the
 *                       rest ({@link #refusalsNamed}); empty when the frame is recorded whole
 */
public record FrameReport(DeviceIdentity source, Instant time, Instant receivedAt, List<Observation> observations,
    Consciousness consciousness, OxygenSupport oxygen, Set<Parameter> sensorsOff, FrameStamp stamp,
    ConnectionId connection, List<String> refused) {

  /** The most values refused a report names; the invalid-signal alarm shows them. */
  public static final int REFUSALS_NAMED = 3;

  /** {@code reasons} as a report names them: the first {@value #REFUSALS_NAMED}, and a line counting the rest. */
  public static List<String> refusalsNamed(List<String> reasons) {
    return Abridged.firstThenCount(reasons, REFUSALS_NAMED, more -> "and " + more + " more");
  }

  /** This report, stamped with the frame it came from. */
  public FrameReport withStamp(FrameStamp frame) {
    return new FrameReport(source, time, receivedAt, observations, consciousness, oxygen, sensorsOff, frame,
        connection, refused);
  }

  /** This report without its refusals: values refused alone no longer said invalid ({@link #refused}). */
  public FrameReport withoutRefusals() {
    return new FrameReport(source, time, receivedAt, observations, consciousness, oxygen, sensorsOff, stamp,
        connection, List.of());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("source", source.toJson())
        .put("time", time)
        .put("receivedAt", receivedAt)
        .put("observations", new JsonArray(observations.stream().map(Observation::toJson).toList()))
        .put("consciousness", consciousness == null ? null : consciousness.name())
        .put("oxygen", oxygen == null ? null : oxygenJson(oxygen))
        .put("sensorsOff", new JsonArray(sensorsOff.stream().map(Parameter::name).toList()))
        .put("stamp", stamp == null ? null : stamp.toJson())
        .put("connection", ConnectionId.toJsonOrNull(connection))
        .put("refused", refused.isEmpty() ? null : new JsonArray(refused));
  }

  public static FrameReport fromJson(JsonObject json) {
    JsonObject oxygen = json.getJsonObject("oxygen");
    String consciousness = json.getString("consciousness");
    JsonObject stamp = json.getJsonObject("stamp");
    JsonArray refused = json.getJsonArray("refused"); // null: recorded whole, or from a node of an earlier version
    return new FrameReport(
        DeviceIdentity.fromJson(json.getJsonObject("source")),
        json.getInstant("time"),
        json.getInstant("receivedAt"),
        json.getJsonArray("observations").stream().map(JsonObject.class::cast).map(Observation::fromJson).toList(),
        consciousness == null ? null : Consciousness.valueOf(consciousness),
        oxygen == null ? null : oxygenFromJson(oxygen),
        json.getJsonArray("sensorsOff", new JsonArray()).stream().map(name -> Parameter.valueOf((String) name))
            .collect(Collectors.toUnmodifiableSet()),
        stamp == null ? null : FrameStamp.fromJson(stamp),
        ConnectionId.optional(json, "connection"),
        refused == null ? List.of() : refused.stream().map(String.class::cast).toList());
  }

  /** {@code {"onOxygen": bool, "flow": L/min or null}}. */
  public static JsonObject oxygenJson(OxygenSupport oxygen) {
    return new JsonObject().put("onOxygen", oxygen.onOxygen()).put("flow", oxygen.flowLitresPerMinute());
  }

  static OxygenSupport oxygenFromJson(JsonObject json) {
    Object flow = json.getValue("flow");
    return json.getBoolean("onOxygen") ? OxygenSupport.flow(new BigDecimal(flow.toString())) : OxygenSupport.air();
  }
}
