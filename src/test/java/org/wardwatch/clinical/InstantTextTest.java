package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link InstantText} writes exactly what {@link Instant#toString()} writes. */
class InstantTextTest {

  @Test
  void writesWhatToStringWritesAtTheEdges() {
    for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00.5Z", "2100-02-28T23:59:59.000001Z", "2000-02-29T00:00:00.000000001Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1600-03-01T00:00:00Z"}) {
      assertWritten(Instant.parse(text));
    }
    assertWritten(Instant.MIN);
    assertWritten(Instant.MAX);
    assertWritten(Instant.parse("+10000-01-01T00:00:00Z"));
  }

  @Test
  void writesWhatToStringWritesForAnyInstantOfTheseCenturies() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
    int[] nanoGrains = {1, 1000, 1_000_000, 1_000_000_000};
    for (int i = 0; i < 200_000; i++) {
      int grain = nanoGrains[random.nextInt(nanoGrains.length)];
      assertWritten(Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000 / grain) * grain));
    }
  }

  private static void assertWritten(Instant instant) {
    char[] into = new char[InstantText.MAX_LENGTH];
    assertEquals(instant.toString(), new String(into, 0, InstantText.write(instant, into)));
  }
}
