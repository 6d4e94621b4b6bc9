package org.wardwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Lists cut short for people to read: the first items, and one more that counts the rest (a message's warnings and
 * refused rows, a report's values refused). Pure and stateless.
 */
public final class Abridged {

  private Abridged() {
  }

  /**
   * {@code items} when at most {@code first} of them, else their first {@code first} and {@code rest} of how many
   * more there are; unmodifiable either way.
   */
  public static <T> List<T> firstThenCount(List<T> items, int first, IntFunction<T> rest) {
    if (items.size() <= first) {
      return List.copyOf(items);
    }
    List<T> kept = new ArrayList<>(items.subList(0, first));
    kept.add(rest.apply(items.size() - first));
    return List.copyOf(kept);
  }
}
