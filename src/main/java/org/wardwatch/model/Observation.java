package org.wardwatch.model;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one normalised observation every wire format produces and everything downstream consumes.
 *
 * @param source        device, patient, bed and ward the value belongs to
 * @param parameter     the clinical parameter
 * @param mdcCode       the MDC code the source reported (or the parameter's default)
 * @param value         the value in {@code unit}, rounded to the parameter's charted precision
 * @param unit          UCUM unit
 * @param deviceTime    when the device says it measured the value, or {@code null} if it did not say
 * @param gatewayTime   when the gateway received the value
 * @param sequence      the device's frame sequence number, or {@code null}
 * @param questionable  outside the soft plausibility range: shown, but flagged
 */
public record Observation(
    DeviceIdentity source,
    Parameter parameter,
    int mdcCode,
    BigDecimal value,
    String unit,
    Instant deviceTime,
    Instant gatewayTime,
    Long sequence,
    boolean questionable) {

  /** The time the value describes: the device's own time when it gave one, else the gateway's. */
  public Instant effectiveTime() {
    return deviceTime != null ? deviceTime : gatewayTime;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("source", source.toJson())
        .put("parameter", parameter.name())
        .put("mdc", mdcCode)
        .put("value", value)
        .put("unit", unit)
        .put("deviceTime", deviceTime)
        .put("gatewayTime", gatewayTime)
        .put("seq", sequence)
        .put("questionable", questionable);
  }

  /**
   * This observation exactly, for its patient's stored state: {@link #toJson()} with the value as a decimal string, so
   * that its scale survives encoding (a JSON number may be decoded as a double, and {@code 37.50} come back as
   * {@code 37.5}). {@link #fromJson} reads both forms.
   */
  public JsonObject toState() {
    return toJson().put("value", value.toString());
  }

  public static Observation fromJson(JsonObject json) {
    return new Observation(
        DeviceIdentity.fromJson(json.getJsonObject("source")),
        Parameter.valueOf(json.getString("parameter")),
        json.getInteger("mdc"),
        new BigDecimal(json.getValue("value").toString()),
        json.getString("unit"),
        json.getInstant("deviceTime"),
        json.getInstant("gatewayTime"),
        json.getLong("seq"),
        json.getBoolean("questionable", false));
  }
}
