package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wardwatch.hl7.Hl7Fixtures.fixture;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageHeaderTest {

  @Test
  void givenPcd01Message_whenSniffed_thenEveryHeaderPartRead() {
    MessageHeader header = MessageHeader.sniff(fixture("pcd01-vitals.hl7"));

    assertEquals(new MessageHeader("VIT0001", "WWMon^0011223344556677^EUI-64", "ICU-East", "WardWatch", "General",
        "ORU^R01", "2.6", Instant.parse("2026-11-22T09:15:00Z"), "NE", "AL"), header);
    assertEquals("R01", header.triggerEvent());
  }

  @Test
  void givenOtherDelimiters_whenSniffed_thenNormalisedToStandardOnesWithLiteralsEscaped() {
    MessageHeader header = MessageHeader.sniff(
        "MSH#$%*@#Mon$0011$EUI-64#A^B##R@x#20261122101500+0000##ORU$R01$ORU_R01#ID*7#P#2.6###AL#NE\rPID###P1");

    assertEquals("Mon^0011^EUI-64", header.sendingApplication());
    assertEquals("A\\S\\B", header.sendingFacility());
    assertEquals("R&x", header.receivingFacility());
    assertEquals("ORU^R01", header.messageType());
    assertEquals("ID\\7", header.controlId());
    assertEquals("AL", header.acceptAckType());
    assertEquals("NE", header.applicationAckType());
  }

  @Test
  void givenHl7NullValues_whenSniffed_thenThosePartsAreAbsent() {
    MessageHeader header = MessageHeader.sniff(
        "MSH|^~\\&|\"\"|ICU|\"\"^X|| \"\" ||ORU^R01^ORU_R01|\"\"|P|2.6|||\"\"|AL\rPID|||P1");

    assertNull(header.sendingApplication());
    assertEquals("ICU", header.sendingFacility());
    assertEquals("\"\"^X", header.receivingApplication(), "a null component in a field with a value is kept");
    assertNull(header.messageTime());
    assertNull(header.controlId());
    assertNull(header.acceptAckType());
    assertEquals("AL", header.applicationAckType());
  }

  @Test
  void givenAMessage_whenItsTimeIsTakenOut_thenOnlyMsh7IsEmptied() {
    String message = "MSH|^~\\&|Mon1|ICU|||20261122101500+0000||ORU^R01^ORU_R01|C1|P|2.6\r"
        + "OBR|1|||x|||20261122101500\r";

    assertEquals("MSH|^~\\&|Mon1|ICU|||||ORU^R01^ORU_R01|C1|P|2.6\rOBR|1|||x|||20261122101500\r",
        MessageHeader.withoutMessageTime(message));
    assertEquals("MSH|^~\\&|Mon1\rPID|1|2|3|4|5|6|7|\r", MessageHeader.withoutMessageTime(
        "MSH|^~\\&|Mon1\rPID|1|2|3|4|5|6|7|\r"), "an MSH without MSH-7 is left as it is");
  }

  @Test
  void givenJunkLinesBeforeMsh_whenSniffed_thenMshStillFound() {
    assertEquals("VIT0001", MessageHeader.sniff("garbage MSH|x\n\u0000\r\n" + fixture("pcd01-vitals.hl7"))
        .controlId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MSH", "MSHA", "MSH\r", "PID|||1", "xMSH|^~\\&|A"})
  void givenNoReadableMsh_whenSniffed_thenEmpty(String text) {
    assertEquals(MessageHeader.EMPTY, MessageHeader.sniff(text));
  }

  @Test
  void givenNull_whenSniffed_thenEmpty() {
    assertEquals(MessageHeader.EMPTY, MessageHeader.sniff(null));
  }

  @Test
  void givenShortOrOddMsh_whenSniffed_thenAbsentPartsNull() {
    MessageHeader header = MessageHeader.sniff("MSH|^~\\&|Mon||||not-a-time||ORU|C9");

    assertEquals("Mon", header.sendingApplication());
    assertEquals("ORU", header.messageType());
    assertNull(header.triggerEvent());
    assertNull(header.messageTime());
    assertNull(header.version());
    assertEquals("C9", header.controlId());
  }

  @Test
  void givenHostileControlId_whenSniffed_thenControlCharactersRemovedAndLengthCapped() {
    MessageHeader header = MessageHeader.sniff("MSH|^~\\&|Mon||||||ORU^R01|\u0000\u0007" + "9".repeat(1000) + "|P");

    assertEquals("9".repeat(199), header.controlId());
  }

  @Test
  void givenAMessageCutShortInsideItsMsh_whenSniffedWhole_thenNothingIsRead() {
    String msh = "MSH|^~\\&|Mon1|ICU|||20261122101500+0000||ORU^R01^ORU_R01|ID-123|P|2.6|||AL|AL";

    assertEquals(MessageHeader.EMPTY, MessageHeader.sniffWhole(msh.substring(0, msh.indexOf("ID-123") + 5)));
    assertEquals("ID-123", MessageHeader.sniffWhole(msh + "\rPID|||P1").controlId());
  }
}
