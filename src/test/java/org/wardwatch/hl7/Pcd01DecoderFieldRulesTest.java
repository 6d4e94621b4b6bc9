package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.BERLIN;
import static org.wardwatch.hl7.Hl7Fixtures.message;
import static org.wardwatch.hl7.Pcd01DecoderTest.assertObservation;
import static org.wardwatch.hl7.Pcd01DecoderTest.find;
import static org.wardwatch.hl7.Hl7Fixtures.MSH;
import static org.wardwatch.hl7.Hl7Fixtures.RECEIVED;
import static org.wardwatch.hl7.Hl7Fixtures.SPO2;

import ca.uhn.hl7v2.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.FrameReport;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * How the PCD-01 decoder reads a message's times and rows: each observation's time from OBX-14, else its OBR-7, else
 * MSH-7, else the receipt, a time without an offset read in the decoder's zone (the JVM's by default); a frame holding
 * two patients or two messages refused whole; values outside the soft range kept as questionable, heart and pulse rate
 * at one time charted as the ECG's, an empty value's row skipped, and thousands of warnings or repetitions read quickly
 * and summarised.
 */
class Pcd01DecoderFieldRulesTest {

  private final Pcd01Decoder decoder = new Pcd01Decoder(BERLIN);

  @Test
  void givenTimesAtEveryLevel_whenDecoded_thenObx14BeforeObr7BeforeMsh7BeforeReceipt() throws Exception {
    String obxWithTime = "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R|||"
        + "20261122101300-0500";
    String obx = "OBX|2|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|70|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
    String mshNoTime = MSH.replace("20261122101500+0000", "");

    assertEquals(Instant.parse("2026-11-22T15:13:00Z"),
        onlyTime(message(MSH, "OBR|1|||x|||20261122101400+0000", obxWithTime)));
    assertEquals(Instant.parse("2026-11-22T10:14:00Z"), onlyTime(message(MSH, "OBR|1|||x|||20261122101400+0000",
        obx)));
    assertEquals(Instant.parse("2026-11-22T10:15:00Z"), onlyTime(message(MSH, "OBR|1|||x", obx)));
    Hl7Message received = decoder.decode(message(mshNoTime, "OBR|1|||x", obx), RECEIVED);
    assertEquals(RECEIVED, received.reports().get(0).time());
    assertNull(received.observations().get(0).deviceTime());
    assertEquals(RECEIVED, received.observations().get(0).effectiveTime());
  }

  @Test
  void givenTwoObrGroups_whenDecoded_thenEachObxInheritsItsOwnObr7() throws Exception {
    String text = message(MSH, "OBR|1|||x|||20261122100000+0000",
        SPO2,
        "OBR|2|||x|||20261122095000+0000",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|91|262688^MDC_DIM_PERCENT^MDC|||||R");

    List<FrameReport> reports = decoder.decode(text, RECEIVED).reports();

    assertEquals(2, reports.size());
    assertEquals(Instant.parse("2026-11-22T09:50:00Z"), reports.get(0).time());
    assertEquals(new BigDecimal("91"), reports.get(0).observations().get(0).value());
    assertEquals(new BigDecimal("97"), reports.get(1).observations().get(0).value());
  }

  @Test
  void givenThousandsOfRepeatedRows_whenDecoded_thenTheirWarningsAreSummarised() throws Exception {
    String[] segments = new String[2_002];
    Arrays.fill(segments, SPO2);
    segments[0] = MSH;
    segments[1] = "OBR|1";

    List<String> warnings = decoder.decode(message(segments), RECEIVED).warnings();

    assertEquals(Hl7Message.MAX_WARNINGS + 1, warnings.size(), String.join("\n", warnings));
    assertEquals("... and 1979 more warning(s) like these", warnings.get(Hl7Message.MAX_WARNINGS));
  }

  @Test
  void givenAHundredThousandEmptyObx8Repetitions_whenDecoded_thenReadInLinearTime() {
    String flags = "~".repeat(100_000);
    String text = message(MSH, "OBR|1",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC||" + flags + "|||R");

    Hl7Message decoded = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decoder.decode(text, RECEIVED),
        "the flags' repetitions are counted once, not once per repetition (minutes at this count)");

    assertEquals(1, decoded.observations().size());
  }

  @Test
  void givenTwoPatientsOrTwoMessagesInOneFrame_whenDecoded_thenContentErrorAndNothingFiled() {
    String spo2 = SPO2;
    String resp = "OBX|2|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|35|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R";
    String twoPatients = message(MSH, "PID|||PATA", "OBR|1", spo2, "PID|||PATB", "OBR|2", resp);
    String twoWards = message(MSH, "PID|||PATA", "PV1||I|ICU^1^1", "OBR|1", spo2, "PV1||I|CCU^2^2", resp);
    String twoMessages = message(MSH, "PID|||PATA", "OBR|1", spo2, MSH.replace("|C1|", "|C2|"), "OBR|2", resp);

    for (String text : List.of(twoPatients, twoWards, twoMessages)) {
      Hl7ContentException refused = assertThrows(Hl7ContentException.class, () -> decoder.decode(text, RECEIVED));
      assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, refused.errorCode());
      assertEquals("C1", refused.header().controlId(), "answered as the first message");
    }
  }

  @Test
  void givenValueOutsideSoftRange_whenDecoded_thenKeptButQuestionable() throws Exception {
    String text = message(MSH, "OBR|1",
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|45|262688^MDC_DIM_PERCENT^MDC|||||R",
        "OBX|2|NM|151562^MDC_RESP_RATE^MDC|1.3.1.1|0|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R",
        "OBX|3|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|300|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R");

    List<Observation> observations = decoder.decode(text, RECEIVED).observations();

    assertTrue(find(observations, Parameter.SPO2).questionable());
    assertFalse(find(observations, Parameter.RESP_RATE).questionable());
    assertTrue(find(observations, Parameter.PULSE).questionable());
  }

  @ParameterizedTest(name = "oximeter's pulse rate first: {0}")
  @ValueSource(booleans = {false, true})
  void givenHeartRateAndPulseRateAtOneTime_whenDecoded_thenTheEcgsChartedWhateverTheOrder(boolean oximeterFirst)
      throws Exception {
    String ecg = "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|190|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
    String oximeter = "OBX|2|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.2.1.2|80|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R";
    String text = oximeterFirst ? message(MSH, "OBR|1", oximeter, ecg) : message(MSH, "OBR|1", ecg, oximeter);

    Hl7Message message = decoder.decode(text, RECEIVED);

    assertEquals(1, message.observations().size());
    assertObservation(message.observations().get(0), Parameter.PULSE, "190", "/min", 147842);
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("80 (MDC 149530) not charted")),
        message.warnings().toString());
  }

  @Test
  void givenEmptyNumericValue_whenOtherRowsGood_thenRowSkippedWithWarning() throws Exception {
    String text = message(MSH, "OBR|1",
        "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1||264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R",
        "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R");

    Hl7Message message = decoder.decode(text, RECEIVED);

    assertEquals(1, message.observations().size());
    assertTrue(message.warnings().stream().anyMatch(w -> w.contains("no value")), message.warnings().toString());
  }

  @Test
  void givenDefaultConstructor_whenDecodingWithoutOffset_thenJvmDefaultZoneUsed() throws Exception {
    String text = message(MSH.replace("20261122101500+0000", "20261122101500"), "OBR|1",
        SPO2);

    Instant time = new Pcd01Decoder().decode(text, RECEIVED).reports().get(0).time();

    assertEquals(LocalDateTime.of(2026, 11, 22, 10, 15).atZone(ZoneId.systemDefault()).toInstant(), time);
  }

  private Instant onlyTime(String text) throws Hl7Exception {
    List<FrameReport> reports = decoder.decode(text, RECEIVED).reports();
    assertEquals(1, reports.size());
    return reports.get(0).time();
  }
}
