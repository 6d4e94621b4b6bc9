package org.wardwatch.model;

import java.math.BigDecimal;

/** An inclusive range of decimal values; decimals keep clinical boundaries exact (no floating-point edges). */
public record ValueRange(BigDecimal low, BigDecimal high) {

  /** True when {@code value} lies within the range, bounds included. */
  public boolean contains(BigDecimal value) {
    return value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
  }

  @Override
  public String toString() {
    return low.toPlainString() + "–" + high.toPlainString();
  }
}
