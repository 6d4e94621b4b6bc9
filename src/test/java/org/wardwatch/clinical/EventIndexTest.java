package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A patient's transitions by time and position: oldest first, within the limit and the window. */
class EventIndexTest {

  @Test
  void givenMoreThanTheLimit_thenTheOldestGoAndTheRestStayInOrder() {
    EventIndex index = new EventIndex(20);
    for (long n = 1; n <= 50; n++) {
      index.add(n * 1000, n);
    }

    assertEquals(20, index.size());
    assertEquals(range(31, 50), positions(index, 0, Long.MAX_VALUE));
  }

  @Test
  void givenDropBefore_thenOlderTransitionsGo() {
    EventIndex index = new EventIndex(500);
    for (long n = 1; n <= 100; n++) {
      index.add(n * 1000, n);
    }

    index.dropBefore(91_000);

    assertEquals(range(91, 100), positions(index, 0, Long.MAX_VALUE));
  }

  @Test
  void givenAddsAndDropsWrappingTheRing_thenAskedTimesAreFound() {
    EventIndex index = new EventIndex(16);
    for (long n = 1; n <= 1000; n++) {
      index.add(n, n);
      index.dropBefore(n - 9);
    }

    assertEquals(range(991, 1000), positions(index, 0, Long.MAX_VALUE));
    assertEquals(range(995, 997), positions(index, 995, 997));
  }

  @Test
  void givenLimitBelowTheInitialCapacityAndGrowthWhileWrapped_thenOrderKept() {
    EventIndex small = new EventIndex(3);
    for (long n = 1; n <= 7; n++) {
      small.add(n, n);
    }
    assertEquals(range(5, 7), positions(small, 0, Long.MAX_VALUE));

    EventIndex growing = new EventIndex(100);
    for (long n = 1; n <= 6; n++) {
      growing.add(n, n);
    }
    growing.dropBefore(5); // the ring's head is now past its start
    for (long n = 7; n <= 30; n++) {
      growing.add(n, n); // grows twice with the ring wrapped
    }
    assertEquals(range(5, 30), positions(growing, 0, Long.MAX_VALUE));
  }

  @Test
  void givenNoRoom_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EventIndex(0));
  }

  private static List<Long> positions(EventIndex index, long from, long to) {
    List<Long> positions = new ArrayList<>();
    index.forEachBetween(from, to, positions::add);
    return positions;
  }

  private static List<Long> range(long first, long last) {
    List<Long> values = new ArrayList<>();
    for (long n = first; n <= last; n++) {
      values.add(n);
    }
    return values;
  }
}
