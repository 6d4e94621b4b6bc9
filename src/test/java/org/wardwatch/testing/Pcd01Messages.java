package org.wardwatch.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds IHE PCD-01 ORU^R01 messages as a bedside monitor sends them: MSH, PID, PV1, OBR and one OBX per vital sign
 * with MDC codes and units, segments ended by {@code \r}. Written for WardWatch's tests, not copied from a vendor.
 */
public final class Pcd01Messages {

  private static final DateTimeFormatter HL7_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Pcd01Messages() {
  }

  /** {@code time} as HL7 writes it ({@code yyyyMMddHHmmss+0000}). */
  public static String hl7Time(Instant time) {
    return HL7_TIME.format(time);
  }

  /**
   * A message from monitor {@code device} with control id {@code controlId} for {@code patient} in {@code ward} bed
   * {@code bed}, observed at {@code time}: the given heart rate and normal SpO2, respiration, blood pressure and
   * temperature.
   */
  public static String vitals(String device, String controlId, String patient, String ward, String bed, Instant time,
      int heartRate) {
    String at = HL7_TIME.format(time);
    return "MSH|^~\\&|" + device + "^0011223344556677^EUI-64|Hospital|WardWatch|WW|" + at
        + "||ORU^R01^ORU_R01|" + controlId + "|P|2.6|||NE|AL\r"
        + "PID|||" + patient + "^^^Hospital^MR||Doe^Sam\r"
        + "PV1||I|" + ward + "^^" + bed + "\r"
        + "OBR|1|||182777000^monitoring of patient^SCT|||" + at + "\r"
        + "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||R\r"
        + "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|" + heartRate + "|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R\r"
        + "OBX|3|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R\r"
        + "OBX|4|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|16|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R\r"
        + "OBX|5|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.4.1.1|120|266016^MDC_DIM_MMHG^MDC|||||R\r"
        + "OBX|6|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.4.1.2|80|266016^MDC_DIM_MMHG^MDC|||||R\r"
        + "OBX|7|NM|150364^MDC_TEMP_BODY^MDC|1.5.1.1|37.1|268192^MDC_DIM_DEGC^MDC|||||R\r";
  }
}
