package org.wardwatch.model;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Who a frame comes from and whom it is about: the device and, when known, the patient, bed and ward.
 *
 * <p>Device sessions own one of these per connection (set by {@code HELLO}); a frame may override any part of it.
 * Absent parts are {@code null}.
 */
public record DeviceIdentity(String device, String patient, String bed, String ward) {

  /** No identity yet: a connection that has not said HELLO. */
  public static final DeviceIdentity UNKNOWN = new DeviceIdentity(null, null, null, null);

  /** The ward a patient is placed in when the device names none. */
  public static final String UNASSIGNED_WARD = "unassigned";

  /**
   * The key patients are filed under, by one rule for line frames and HL7 messages alike: the patient id; without
   * one, the bed on its device, {@code device@ward:bed} (the ward left empty when not named); without a bed either,
   * the device, {@code device@}. A device that reports for several beds without patient ids (an HL7 gateway under one
   * MSH-3, a relay) thus keeps each bed's patient apart, and a monitor that names no bed is its own patient. Patient,
   * device and ward ids never hold {@code @}, nor ward ids {@code :}, so such a key is never a patient's id (a device
   * {@code 1234} and a patient {@code 1234} stay two people), nor another bed's key.
   */
  public String patientKey() {
    if (patient != null || device == null) {
      return patient;
    }
    return bed == null ? device + '@' : device + '@' + (ward == null ? "" : ward) + ':' + bed;
  }

  /** The ward to route this device's data to. */
  public String wardOrDefault() {
    return ward != null ? ward : UNASSIGNED_WARD;
  }

  /**
   * This identity with the ward it does not name taken from {@code earlier} (the patient's until now, or
   * {@code null}), and the bed too unless it names another ward: a frame that names neither, a second device's of the
   * patient say, leaves the patient where they are rather than moving them, and their alarms, to the
   * {@value #UNASSIGNED_WARD} ward; one that names another ward moves them there without a bed of the old ward.
   * Returns {@code earlier} itself when that is the result, so a patient's usual frame makes no new object.
   */
  public DeviceIdentity placedAs(DeviceIdentity earlier) {
    if (earlier == null || bed != null && ward != null) {
      return this;
    }
    String placedBed = bed != null || ward != null && !ward.equals(earlier.ward) ? bed : earlier.bed;
    String placedWard = ward != null ? ward : earlier.ward;
    if (Objects.equals(device, earlier.device) && Objects.equals(patient, earlier.patient)
        && Objects.equals(placedBed, earlier.bed) && Objects.equals(placedWard, earlier.ward)) {
      return earlier;
    }
    return new DeviceIdentity(device, patient, placedBed, placedWard);
  }

  /** This identity's device and patient at {@code place}'s bed and ward; itself when it is there already. */
  public DeviceIdentity at(DeviceIdentity place) {
    return Objects.equals(bed, place.bed) && Objects.equals(ward, place.ward) ? this
        : new DeviceIdentity(device, patient, place.bed, place.ward);
  }

  /**
   * This identity with every part {@code other} sets replacing ours. When {@code other} names a different device, none
   * of our parts apply to it: another device's patient, bed or ward must never be borrowed.
   */
  public DeviceIdentity overriddenBy(DeviceIdentity other) {
    if (other.device != null && !other.device.equals(device)) {
      return other;
    }
    if (!overrides(other.patient, patient) && !overrides(other.bed, bed) && !overrides(other.ward, ward)) {
      return this; // the usual frame: the session's identity as it is, no copy per frame
    }
    return new DeviceIdentity(
        other.device != null ? other.device : device,
        other.patient != null ? other.patient : patient,
        other.bed != null ? other.bed : bed,
        other.ward != null ? other.ward : ward);
  }

  private static boolean overrides(String value, String held) {
    return value != null && !value.equals(held);
  }

  public JsonObject toJson() {
    return new JsonObject().put("device", device).put("patient", patient).put("bed", bed).put("ward", ward);
  }

  public static DeviceIdentity fromJson(JsonObject json) {
    if (json == null) {
      return UNKNOWN;
    }
    return new DeviceIdentity(
        json.getString("device"), json.getString("patient"), json.getString("bed"), json.getString("ward"));
  }
}
