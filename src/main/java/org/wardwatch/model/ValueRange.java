package org.wardwatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An inclusive range of decimal values; decimals keep clinical boundaries exact (no floating-point edges). */
public record ValueRange(BigDecimal low, BigDecimal high) {

  /** True when {@code value} lies within the range, bounds included. */
  public boolean contains(BigDecimal value) {
    return value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
  }

  /**
   * This range with its bounds written to {@code decimals} places: a value of as many places compares with them in
   * one step ({@link BigDecimal#compareTo} of two equal scales), where other scales need rescaling on every call.
   */
  public ValueRange withDecimals(int decimals) {
    return new ValueRange(low.setScale(decimals, RoundingMode.UNNECESSARY),
        high.setScale(decimals, RoundingMode.UNNECESSARY));
  }

  /** The bounds as people write them, without trailing zeros: {@code 0–50}, {@code 35.5–37.5}. */
  @Override
  public String toString() {
    return low.stripTrailingZeros().toPlainString() + "–" + high.stripTrailingZeros().toPlainString();
  }
}
