package org.wardwatch.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.wardwatch.model.Parameter;

/**
 * The vital-sign model of one simulated bed: a patient baseline, a mean-reverting random walk around it per parameter,
 * and now and then a deterioration of one kind that ramps in, crosses its alarm limit, and ramps out again. Every
 * {@value #ARTERIAL_LINE_EVERY}th bed's patient also has an arterial line, which reads a few mmHg off the cuff, beat by
 * beat, and falls with it in a hypotension.
 *
 * <p>Pure and deterministic: the same bed number and seed, stepped with the same durations, give the same values. Not
 * thread-safe; owned by one {@link SimulatedDevice} and used only on its event loop.
 */
public final class SimulatedBed {

  /** Spontaneous deteriorations per bed and hour: on average one every ten minutes. */
  static final double EPISODES_PER_HOUR = 6.0;

  private static final double RAMP_SECONDS = 10.0;
  private static final double MIN_EPISODE_SECONDS = 30.0;
  private static final double MAX_EPISODE_SECONDS = 120.0;
  /** Beds 4, 8, 12, ... have an arterial line. */
  static final int ARTERIAL_LINE_EVERY = 4;

  /** The kinds of deterioration, each pushing one parameter to a target beyond its alarm limit. */
  public enum Deterioration {
    TACHYCARDIA(Parameter.PULSE, 135, 170),
    BRADYCARDIA(Parameter.PULSE, 35, 38),
    DESATURATION(Parameter.SPO2, 82, 88),
    FEVER(Parameter.TEMPERATURE, 38.8, 40.0),
    HYPOTENSION(Parameter.BP_SYSTOLIC, 75, 86),
    TACHYPNOEA(Parameter.RESP_RATE, 27, 34);

    private final Parameter parameter;
    private final double targetLow;
    private final double targetHigh;

    Deterioration(Parameter parameter, double targetLow, double targetHigh) {
      this.parameter = parameter;
      this.targetLow = targetLow;
      this.targetHigh = targetHigh;
    }

    /** The parameter this deterioration drives. */
    public Parameter parameter() {
      return parameter;
    }
  }

  /**
   * One set of readings, rounded as the device reports them: temperature to 0.1 degC, everything else to integers.
   *
   * @param arterial the arterial line's pressure, {@code null} for a patient without one
   */
  public record Vitals(double temperature, int pulse, int systolic, int diastolic, int spo2, int respRate,
      ArterialPressure arterial) {

    /** The observation frame for these readings, without the line ending. */
    public String toFrame(long seq) {
      String frame = String.format(Locale.ROOT, "Seq=%d|Temperature=%.1f|Pulse=%d|BP=%d/%d|SpO2=%d|RR=%d",
          seq, temperature, pulse, systolic, diastolic, spo2, respRate);
      return arterial == null ? frame : frame + String.format(Locale.ROOT, "|ABP=%d/%d/%d", arterial.systolic(),
          arterial.diastolic(), arterial.mean());
    }
  }

  /** An arterial line's reading in mmHg: its mean is what the monitor integrates over the beat, here dia + pulse/3. */
  public record ArterialPressure(int systolic, int diastolic) {

    public int mean() {
      return (int) Math.round(diastolic + (systolic - diastolic) / 3.0);
    }
  }

  private final Random random;
  private final double episodesPerSecond;
  private final Walk pulse;
  private final Walk spo2;
  private final Walk respRate;
  private final Walk systolic;
  private final Walk temperature;
  private final Walk diastolicNoise;
  private final double diastolicRatio;
  /** The line's beat-to-beat noise, {@code null} for a patient without one. */
  private final Walk arterialNoise;
  private final double arterialOffset;
  private Episode episode;

  /** A bed with spontaneous deteriorations at the usual rate; {@code seed + bedNumber} seeds its randomness. */
  public SimulatedBed(int bedNumber, long seed) {
    this(bedNumber, seed, EPISODES_PER_HOUR);
  }

  /** A bed with {@code episodesPerHour} spontaneous deteriorations on average; 0 turns them off (for tests). */
  SimulatedBed(int bedNumber, long seed, double episodesPerHour) {
    this.random = new Random(seed + bedNumber);
    this.episodesPerSecond = episodesPerHour / 3600.0;
    this.pulse = new Walk(uniform(60, 95), 3.0, 30);
    this.spo2 = new Walk(uniform(95, 99), 0.7, 20);
    this.respRate = new Walk(uniform(12, 20), 0.8, 30);
    this.systolic = new Walk(uniform(105, 140), 3.0, 60);
    this.temperature = new Walk(uniform(36.4, 37.4), 0.08, 120);
    this.diastolicNoise = new Walk(0, 2.0, 30);
    this.diastolicRatio = uniform(0.58, 0.66);
    this.arterialNoise = bedNumber % ARTERIAL_LINE_EVERY == 0 ? new Walk(0, 2.0, 5) : null;
    this.arterialOffset = uniform(2, 8);
  }

  /** Advances the patient by {@code elapsed} and returns the readings at the new instant. */
  public Vitals next(Duration elapsed) {
    double seconds = Math.max(0, elapsed.toNanos() / 1e9);
    advanceEpisode(seconds);
    pulse.step(seconds);
    spo2.step(seconds);
    respRate.step(seconds);
    systolic.step(seconds);
    temperature.step(seconds);
    diastolicNoise.step(seconds);
    if (arterialNoise != null) {
      arterialNoise.step(seconds);
    }
    return current();
  }

  /** Starts a deterioration of {@code kind} lasting {@code duration} now, replacing any running one. */
  void startDeterioration(Deterioration kind, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("deterioration duration must be positive: " + duration);
    }
    double target = uniform(kind.targetLow, kind.targetHigh);
    episode = new Episode(kind, target, duration.toMillis() / 1000.0);
  }

  /** The deterioration in progress, or {@code null} while the patient is stable. */
  Deterioration deterioration() {
    return episode == null ? null : episode.kind;
  }

  private void advanceEpisode(double seconds) {
    if (episode != null) {
      episode.elapsed += seconds;
      if (episode.elapsed >= episode.duration) {
        episode = null;
      }
    } else if (random.nextDouble() < 1 - Math.exp(-episodesPerSecond * seconds)) {
      Deterioration[] kinds = Deterioration.values();
      Deterioration kind = kinds[random.nextInt(kinds.length)];
      double duration = uniform(MIN_EPISODE_SECONDS, MAX_EPISODE_SECONDS);
      startDeterioration(kind, Duration.ofMillis(Math.round(duration * 1000)));
    }
  }

  private Vitals current() {
    double sbp = clamp(Parameter.BP_SYSTOLIC, Math.round(shifted(Parameter.BP_SYSTOLIC, systolic)));
    double dbp = Math.round(sbp * diastolicRatio + diastolicNoise.value);
    dbp = Math.max(Parameter.BP_DIASTOLIC.hardRange().low().doubleValue(), Math.min(dbp, sbp - 1));
    double temp = Math.round(shifted(Parameter.TEMPERATURE, temperature) * 10) / 10.0;
    return new Vitals(
        clamp(Parameter.TEMPERATURE, temp),
        (int) clamp(Parameter.PULSE, Math.round(shifted(Parameter.PULSE, pulse))),
        (int) sbp,
        (int) dbp,
        (int) clamp(Parameter.SPO2, Math.round(shifted(Parameter.SPO2, spo2))),
        (int) clamp(Parameter.RESP_RATE, Math.round(shifted(Parameter.RESP_RATE, respRate))),
        arterialNoise == null ? null : arterial(sbp, dbp));
  }

  /** The line's reading while the cuff would read {@code sbp}/{@code dbp}: a little higher, with its own noise. */
  private ArterialPressure arterial(double sbp, double dbp) {
    double systolic = clamp(Parameter.ART_SYSTOLIC, Math.round(sbp + arterialOffset + arterialNoise.value));
    double diastolic = Math.round(dbp - arterialOffset / 2 + arterialNoise.value / 2);
    diastolic = Math.max(Parameter.ART_DIASTOLIC.hardRange().low().doubleValue(), Math.min(diastolic, systolic - 1));
    return new ArterialPressure((int) systolic, (int) diastolic);
  }

  /** The walk's value, moved towards the deterioration target when {@code parameter} is the one deteriorating. */
  private double shifted(Parameter parameter, Walk walk) {
    if (episode == null || episode.kind.parameter != parameter) {
      return walk.value;
    }
    return walk.value + episode.intensity() * (episode.target - walk.baseline);
  }

  private static double clamp(Parameter parameter, double value) {
    double low = parameter.hardRange().low().doubleValue();
    double high = parameter.hardRange().high().doubleValue();
    return Math.max(low, Math.min(high, value));
  }

  private double uniform(double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  /** An Ornstein-Uhlenbeck process, stepped exactly so any step length is stable. */
  private final class Walk {
    private final double baseline;
    private final double deviation;
    private final double timeConstant;
    private double value;

    Walk(double baseline, double deviation, double timeConstantSeconds) {
      this.baseline = baseline;
      this.deviation = deviation;
      this.timeConstant = timeConstantSeconds;
      this.value = baseline + deviation * random.nextGaussian();
    }

    void step(double seconds) {
      double decay = Math.exp(-seconds / timeConstant);
      value = baseline + (value - baseline) * decay
          + deviation * Math.sqrt(1 - decay * decay) * random.nextGaussian();
    }
  }

  /** A deterioration in progress; intensity ramps 0 to 1 over the first seconds and back to 0 over the last. */
  private static final class Episode {
    private final Deterioration kind;
    private final double target;
    private final double duration;
    private double elapsed;

    Episode(Deterioration kind, double target, double duration) {
      this.kind = kind;
      this.target = target;
      this.duration = duration;
    }

    double intensity() {
      double ramp = Math.min(RAMP_SECONDS, duration / 3);
      double rising = elapsed / ramp;
      double falling = (duration - elapsed) / ramp;
      return Math.max(0, Math.min(1, Math.min(rising, falling)));
    }
  }
}
