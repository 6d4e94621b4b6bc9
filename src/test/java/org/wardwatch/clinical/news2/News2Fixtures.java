package org.wardwatch.clinical.news2;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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
    return chart(scale2)
        .vital(Parameter.RESP_RATE, rr, time)
        .vital(Parameter.SPO2, spo2, time)
        .oxygen(OxygenSupport.parse(oxygen), time)
        .vital(Parameter.BP_SYSTOLIC, sbp, time)
        .vital(Parameter.PULSE, pulse, time)
        .consciousness(Consciousness.parse(acvpu), time)
        .vital(Parameter.TEMPERATURE, temperature, time)
        .inputs();
  }

  /** An empty chart of a patient on SpO2 scale 2 when {@code scale2}, else scale 1: its inputs are all missing. */
  static Chart chart(boolean scale2) {
    return new Chart(new EnumMap<>(Parameter.class), null, null, scale2);
  }

  /** A chart holding what {@code inputs} hold, to be charted on. */
  static Chart chart(News2Inputs inputs) {
    Chart chart = new Chart(new EnumMap<>(Parameter.class), inputs.consciousness(), inputs.oxygen(),
        inputs.spo2Scale2());
    chart.vitals.putAll(inputs.vitals());
    return chart;
  }

  /** A patient's chart filled a part at a time, a later value replacing the earlier; read by {@link #inputs()}. */
  static final class Chart {

    private final Map<Parameter, Timed<BigDecimal>> vitals;
    private Timed<Consciousness> consciousness;
    private Timed<OxygenSupport> oxygen;
    private final boolean scale2;

    private Chart(Map<Parameter, Timed<BigDecimal>> vitals, Timed<Consciousness> consciousness,
        Timed<OxygenSupport> oxygen, boolean scale2) {
      this.vitals = vitals;
      this.consciousness = consciousness;
      this.oxygen = oxygen;
      this.scale2 = scale2;
    }

    /** {@code parameter} measured as {@code value} (a decimal number, in its UCUM unit) at {@code time}. */
    Chart vital(Parameter parameter, String value, Instant time) {
      vitals.put(parameter, Timed.of(new BigDecimal(value), time));
      return this;
    }

    /** The level of consciousness charted as {@code level} at {@code time}. */
    Chart consciousness(Consciousness level, Instant time) {
      consciousness = Timed.of(level, time);
      return this;
    }

    /** Air or oxygen charted as {@code support} at {@code time}. */
    Chart oxygen(OxygenSupport support, Instant time) {
      oxygen = Timed.of(support, time);
      return this;
    }

    /** The NEWS2 inputs of the chart as it is now. */
    News2Inputs inputs() {
      return new News2Inputs(vitals, consciousness, oxygen, scale2);
    }
  }
}
