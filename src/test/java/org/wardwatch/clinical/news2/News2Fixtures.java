package org.wardwatch.clinical.news2;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.wardwatch.model.Parameter;
import org.wardwatch.model.Consciousness;
import org.wardwatch.model.OxygenSupport;

/** Shared clock and input builders for the NEWS2 tests. */
final class News2Fixtures {

  static final Duration FRESHNESS = Duration.ofMinutes(15);
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  /** A minute before {@link #NOW}: well within {@link #FRESHNESS}. */
  static final Instant TAKEN = NOW.minusSeconds(60);

  private News2Fixtures() {
  }

  /** Every input charted at {@code time}; {@code oxygen} is "air" or a flow in L/min, {@code acvpu} one letter. */
  static News2Inputs complete(boolean scale2, String rr, String spo2, String oxygen, String sbp, String pulse,
      String acvpu, String temperature, Instant time) {
    return News2Inputs.none(scale2)
        .withVital(Parameter.RESP_RATE, new BigDecimal(rr), time)
        .withVital(Parameter.SPO2, new BigDecimal(spo2), time)
        .withOxygen(OxygenSupport.parse(oxygen), time)
        .withVital(Parameter.BP_SYSTOLIC, new BigDecimal(sbp), time)
        .withVital(Parameter.PULSE, new BigDecimal(pulse), time)
        .withConsciousness(Consciousness.parse(acvpu), time)
        .withVital(Parameter.TEMPERATURE, new BigDecimal(temperature), time);
  }
}
