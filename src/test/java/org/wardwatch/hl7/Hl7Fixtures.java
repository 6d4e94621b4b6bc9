package org.wardwatch.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the HL7 fixtures of {@code src/test/resources/hl7}, written one segment per line, with HL7's \r endings. */
final class Hl7Fixtures {

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
