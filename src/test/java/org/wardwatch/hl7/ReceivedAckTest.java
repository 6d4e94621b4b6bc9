package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.message;

import org.junit.jupiter.api.Test;

class ReceivedAckTest {

  private static final String ACK_MSH = "MSH|^~\\&|Mon1|ICU|WardWatch|WardWatch|20261122101500||ACK^R01^ACK|A7|P|2.6";

  @Test
  void givenASendersCommitAcknowledgement_whenRead_thenItsCodeAndTheMessageItAcknowledges() {
    ReceivedAck ack = ReceivedAck.read(message(ACK_MSH, "MSA|CA|WW1764000000000.1")).orElseThrow();

    assertEquals("A7", ack.header().controlId());
    assertEquals("Mon1", ack.header().sendingApplication());
    assertEquals("CA", ack.code());
    assertEquals("WW1764000000000.1", ack.acknowledgedId());
  }

  @Test
  void givenAnAckWithOtherSeparatorsLfEndingsAndNoMsa_whenRead_thenWhatItHasIsRead() {
    ReceivedAck other = ReceivedAck.read("MSH#$%*@#Mon1####20261122101500##ACK#A8#P#2.6\nMSA#AE#C1\n").orElseThrow();
    ReceivedAck bare = ReceivedAck.read("MSH|^~\\&|Mon1||||||ACK|A9|P|2.6").orElseThrow();

    assertEquals("AE", other.code());
    assertEquals("C1", other.acknowledgedId());
    assertNull(bare.code());
    assertNull(bare.acknowledgedId());
  }

  @Test
  void givenAnAckWithControlCharactersOrALongId_whenRead_thenPrintableAndShortForTheLog() {
    ReceivedAck ack = ReceivedAck.read(message(ACK_MSH, "MSA|AA\u0007|" + "X".repeat(500))).orElseThrow();

    assertEquals("AA", ack.code());
    assertEquals("X".repeat(20) + "...", ack.acknowledgedId());
  }

  @Test
  void givenAnyOtherMessage_whenRead_thenNone() {
    assertTrue(ReceivedAck.read(message(ACK_MSH.replace("ACK^R01^ACK", "ORU^R01^ORU_R01"), "MSA|AA|C1")).isEmpty());
    assertTrue(ReceivedAck.read("MSA|AA|C1").isEmpty());
    assertTrue(ReceivedAck.read("").isEmpty());
  }
}
