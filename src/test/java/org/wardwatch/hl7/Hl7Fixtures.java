package org.wardwatch.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Loads the HL7 fixtures of {@code src/test/resources/hl7}, written one segment per line, with HL7's \r endings; and
 * the segments the decoder tests build their messages of.
 */
final class Hl7Fixtures {

  /** After every time the messages carry, in any zone a test assumes: a device time ahead of receipt is refused. */
  static final Instant RECEIVED = Instant.parse("2026-11-23T00:00:00Z");
  /** The zone the decoder tests read a time without an offset in. */
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** A monitor's header: sender Mon1 at ICU, control id C1, original acknowledgement mode. */
  static final String MSH = "MSH|^~\\&|Mon1|ICU|||20261122101500+0000||ORU^R01^ORU_R01|C1|P|2.6";
  static final String OBR = "OBR|1|||x|||20261122101400+0000";
  /** SpO2 97 %, a final result. */
  static final String SPO2 =
      "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R";

  private Hl7Fixtures() {
  }

  /** The fixture {@code name} with segments separated by {@code \r}. */
  static String fixture(String name) {
    try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip().replace('\n', '\r');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Segments given as lines, joined with {@code \r}. */
  static String message(String... segments) {
    return String.join("\r", segments);
  }
}
