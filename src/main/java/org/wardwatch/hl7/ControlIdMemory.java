package org.wardwatch.hl7;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the control ids (MSH-10) recently accepted from each sender, so a message a monitor retransmits because
 * its ACK was late is acknowledged again but not processed twice. Bounded: the least recently seen ids are forgotten
 * beyond {@code capacity}.
 *
 * <p>Not thread-safe: owned by the HL7 parsing verticle.
 */
final class ControlIdMemory {

  private final Map<String, Boolean> seen;

  ControlIdMemory(int capacity) {
    this.seen = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Records {@code controlId} from {@code sender}.
   *
   * @return true when that sender's control id had already been accepted (a retransmission)
   */
  boolean isRepeat(String sender, String controlId) {
    return seen.put(sender + '\u0000' + controlId, Boolean.TRUE) != null;
  }

  /** Forgets {@code controlId} from {@code sender}: its message was not recorded after all. */
  void forget(String sender, String controlId) {
    seen.remove(sender + '\u0000' + controlId);
  }
}
