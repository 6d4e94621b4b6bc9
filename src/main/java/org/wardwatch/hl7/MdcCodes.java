package org.wardwatch.hl7;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardwatch.model.BloodPressure;
import org.wardwatch.model.Parameter;

/**
 * The observation codes (OBX-3) and units (OBX-6) of IHE PCD-01 messages that WardWatch understands: IEEE 11073-10101
 * (MDC) codes and their LOINC equivalents, mapped to {@link Parameter}s, and the units each parameter may be sent in:
 * its charted unit, or for a temperature degrees Fahrenheit, as monitors set up in the US send it, converted exactly
 * ({@link SentUnit}). A value in any other unit (kPa, kelvin) is not accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class MdcCodes {

  /** OBX-3 coding system of MDC codes. */
  public static final String MDC = "MDC";
  /** OBX-3 coding system of LOINC codes. */
  public static final String LOINC = "LN";

  /** A unit a value may be sent in: its parameter's charted unit, or one converted to it exactly. */
  public enum SentUnit {
    /** The parameter's own unit: charted as sent. */
    CHARTED(null),
    /** Degrees Fahrenheit ({@code [degF]}, {@code MDC_DIM_FAHR}), of a temperature: (°F − 32) × 5/9 °C. */
    FAHRENHEIT("[degF]");

    private static final BigDecimal FREEZING = BigDecimal.valueOf(32);

    private final String ucum;

    SentUnit(String ucum) {
      this.ucum = ucum;
    }

    /** The unit in UCUM, {@code null} for {@link #CHARTED} (the parameter's {@link Parameter#unit()}). */
    public String ucum() {
      return ucum;
    }

    /**
     * {@code value} in the charted unit, exact to 16 digits, which the charted precision then rounds once: (°F − 32) ×
     * 5/9 never ends in a tie that 16 digits would have rounded to (its digits repeat from a ninth).
     */
    public BigDecimal toCharted(BigDecimal value) {
      return this == CHARTED ? value : value.subtract(FREEZING).multiply(BigDecimal.valueOf(5))
          .divide(BigDecimal.valueOf(9), MathContext.DECIMAL64);
    }
  }

  /**
   * What one OBX-3 code means.
   *
   * @param parameter  the parameter the value belongs to
   * @param mdcCode    the MDC code to record: the observed one, or the parameter's default for LOINC codes
   */
  public record Mapping(Parameter parameter, int mdcCode) {
  }

  /**
   * The MDC codes charted and their parameters, each parameter's preferred source first: the ECG's heart rate before
   * pulse oximetry's pulse rate, the non-invasive cuff's, a generic and the arterial line's pulse rate; the respiration
   * rate before the thorax's, airway and CO2 rates. The cuff's and the arterial line's pressures are parameters of
   * their own, the line's sent as MDC_PRESS_BLD_ART (150033-5) or, as Philips monitors label it, MDC_PRESS_BLD_ART_ABP
   * (150037-9).
   */
  private static final List<Map.Entry<String, Parameter>> MDC_BY_PREFERENCE = List.of(
      Map.entry("147842", Parameter.PULSE), Map.entry("149530", Parameter.PULSE),
      Map.entry("149546", Parameter.PULSE), Map.entry("149514", Parameter.PULSE), Map.entry("149522", Parameter.PULSE),
      Map.entry("150456", Parameter.SPO2),
      Map.entry("151562", Parameter.RESP_RATE), Map.entry("151578", Parameter.RESP_RATE),
      Map.entry("151570", Parameter.RESP_RATE), Map.entry("151594", Parameter.RESP_RATE),
      Map.entry("150021", Parameter.BP_SYSTOLIC), Map.entry("150022", Parameter.BP_DIASTOLIC),
      Map.entry("150023", Parameter.BP_MEAN),
      Map.entry("150033", Parameter.ART_SYSTOLIC), Map.entry("150034", Parameter.ART_DIASTOLIC),
      Map.entry("150035", Parameter.ART_MEAN), Map.entry("150037", Parameter.ART_SYSTOLIC),
      Map.entry("150038", Parameter.ART_DIASTOLIC), Map.entry("150039", Parameter.ART_MEAN),
      Map.entry("150364", Parameter.TEMPERATURE), Map.entry("150344", Parameter.TEMPERATURE),
      Map.entry("188452", Parameter.TEMPERATURE), Map.entry("188424", Parameter.TEMPERATURE),
      Map.entry("150392", Parameter.TEMPERATURE), Map.entry("150368", Parameter.TEMPERATURE));
  private static final Map<String, Parameter> MDC_CODES = MDC_BY_PREFERENCE.stream()
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  private static final List<String> MDC_PREFERENCE = MDC_BY_PREFERENCE.stream().map(Map.Entry::getKey).toList();

  private static final Map<String, Parameter> LOINC_CODES = Map.of(
      "8867-4", Parameter.PULSE, "59408-5", Parameter.SPO2, "9279-1", Parameter.RESP_RATE,
      "8480-6", Parameter.BP_SYSTOLIC, "8462-4", Parameter.BP_DIASTOLIC, "8478-0", Parameter.BP_MEAN,
      "8310-5", Parameter.TEMPERATURE);

  private static final Set<String> MMHG = Set.of("266016", "MDC_DIM_MMHG", "mm[Hg]", "mmHg");
  private static final Set<String> FAHRENHEIT = Set.of("266560", "MDC_DIM_FAHR", "[degF]");
  private static final Map<Parameter, Set<String>> UNITS = units();
  /** Every unit code and name WardWatch knows, of any parameter. */
  private static final Set<String> KNOWN_UNITS = knownUnits();

  private MdcCodes() {
  }

  private static Map<Parameter, Set<String>> units() {
    Map<Parameter, Set<String>> units = new EnumMap<>(Parameter.class);
    units.put(Parameter.PULSE, Set.of("264864", "MDC_DIM_BEAT_PER_MIN", "/min", "1/min", "{beat}/min", "{beats}/min"));
    units.put(Parameter.RESP_RATE, Set.of("264928", "MDC_DIM_RESP_PER_MIN", "/min", "1/min", "{breath}/min",
        "{breaths}/min", "{resp}/min"));
    units.put(Parameter.SPO2, Set.of("262688", "MDC_DIM_PERCENT", "%"));
    for (BloodPressure pressure : BloodPressure.values()) {
      pressure.parameters().forEach(parameter -> units.put(parameter, MMHG));
    }
    units.put(Parameter.TEMPERATURE, Set.of("268192", "MDC_DIM_DEGC", "Cel"));
    return Collections.unmodifiableMap(units);
  }


  /**
   * The parameter OBX-3 {@code code} in coding {@code system} ({@code MDC}, {@code LN}, or empty: either) stands for,
   * or empty when WardWatch does not chart it.
   */
  public static Optional<Mapping> lookup(String code, String system) {
    if (code == null) {
      return Optional.empty();
    }
    boolean anySystem = system == null || system.isEmpty();
    if (anySystem || MDC.equalsIgnoreCase(system)) {
      Parameter parameter = MDC_CODES.get(code);
      if (parameter != null) {
        return Optional.of(new Mapping(parameter, Integer.parseInt(code)));
      }
    }
    if (anySystem || LOINC.equalsIgnoreCase(system)) {
      Parameter parameter = LOINC_CODES.get(code);
      if (parameter != null) {
        return Optional.of(new Mapping(parameter, parameter.mdcCode()));
      }
    }
    return Optional.empty();
  }

  /**
   * True when a value from MDC code {@code code} is to be charted rather than one of the same parameter, at the same
   * time, from {@code other} (an ECG's heart rate rather than the oximeter's pulse rate, whatever their order in the
   * message). A LOINC row carries its parameter's default MDC code, and ranks as that code.
   */
  public static boolean preferredTo(int code, int other) {
    return rank(code) < rank(other);
  }

  private static int rank(int code) {
    int rank = MDC_PREFERENCE.indexOf(Integer.toString(code));
    return rank < 0 ? MDC_PREFERENCE.size() : rank;
  }

  /**
   * The unit OBX-6, given as its identifier ({@code 264864}, {@code /min}) and text ({@code MDC_DIM_BEAT_PER_MIN}),
   * names, when {@code parameter} may be sent in it; else empty: also when its text names a unit WardWatch knows
   * other than the identifier's ({@code [degF]^MDC_DIM_DEGC}: which one the value is in cannot be told), or when only
   * a text that is not MDC's is given. Matching is exact (UCUM is case-sensitive).
   */
  public static Optional<SentUnit> unit(Parameter parameter, String identifier, String text) {
    boolean mdcText = text != null && text.startsWith("MDC_DIM_");
    if (identifier == null || identifier.isEmpty()) {
      return mdcText ? unitOf(parameter, text) : Optional.empty();
    }
    Optional<SentUnit> unit = unitOf(parameter, identifier);
    boolean contradicted = mdcText && KNOWN_UNITS.contains(text) && !unitOf(parameter, text).equals(unit);
    return contradicted ? Optional.empty() : unit;
  }

  /** The units {@code parameter} may be sent in, as a technician reads them: {@code Cel or [degF]}. */
  public static String unitsAccepted(Parameter parameter) {
    return parameter == Parameter.TEMPERATURE ? parameter.unit() + " or " + SentUnit.FAHRENHEIT.ucum()
        : parameter.unit();
  }

  private static Set<String> knownUnits() {
    Set<String> known = new HashSet<>(FAHRENHEIT);
    UNITS.values().forEach(known::addAll);
    return Set.copyOf(known);
  }

  /** The unit {@code code} (an MDC code or name, or UCUM) names, when {@code parameter} may be sent in it. */
  private static Optional<SentUnit> unitOf(Parameter parameter, String code) {
    if (UNITS.get(parameter).contains(code)) {
      return Optional.of(SentUnit.CHARTED);
    }
    return parameter == Parameter.TEMPERATURE && FAHRENHEIT.contains(code) ? Optional.of(SentUnit.FAHRENHEIT)
        : Optional.empty();
  }
}
