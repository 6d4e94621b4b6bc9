package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.fixture;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v26.message.ACK;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Hl7AckTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:15:30.250Z");
  private static final DefaultHapiContext STRICT = new DefaultHapiContext();
  private static final MessageHeader HEADER = MessageHeader.sniff(fixture("pcd01-vitals.hl7"));

  private final Hl7Ack acks = new Hl7Ack(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));

  @Test
  void givenAcceptedMessage_whenAcknowledged_thenValidHl7AckEchoingControlIdAndSender() throws Exception {
    String text = only(acks.accepted(HEADER)); // MSH-15 NE, MSH-16 AL, as PCD-01 monitors send

    ACK ack = parseStrictly(text);
    assertEquals("AA", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals("VIT0001", ack.getMSA().getMessageControlID().getValue());
    assertEquals("WardWatch", ack.getMSH().getSendingApplication().getNamespaceID().getValue());
    assertEquals("WardWatch", ack.getMSH().getSendingFacility().getNamespaceID().getValue());
    assertEquals("WWMon", ack.getMSH().getReceivingApplication().getNamespaceID().getValue());
    assertEquals("0011223344556677", ack.getMSH().getReceivingApplication().getUniversalID().getValue());
    assertEquals("ICU-East", ack.getMSH().getReceivingFacility().getNamespaceID().getValue());
    assertEquals("ACK", ack.getMSH().getMessageType().getMessageCode().getValue());
    assertEquals("R01", ack.getMSH().getMessageType().getTriggerEvent().getValue());
    assertEquals("ACK", ack.getMSH().getMessageType().getMessageStructure().getValue());
    assertEquals("P", ack.getMSH().getProcessingID().getProcessingID().getValue());
    assertEquals("2.6", ack.getMSH().getVersionID().getVersionID().getValue());
    assertEquals("20261122101530.250+0100", ack.getMSH().getDateTimeOfMessage().getValue());
    assertFalse(text.contains("\n"));
    assertTrue(text.endsWith("\r"));
    assertFalse(text.contains("ERR"));
  }

  @Test
  void givenMessageAskingForBothAcknowledgements_whenInError_thenCommitAcceptWithoutErrThenApplicationErrorWithIt()
      throws Exception {
    MessageHeader both = MessageHeader.sniff(fixture("pcd01-vitals.hl7").replace("|NE|AL|", "|AL|AL|"));

    List<String> answers = acks.refused(new Hl7ContentException(both, ErrorCode.DATA_TYPE_ERROR, "bad"));

    assertEquals(List.of("CA", "AE"), answers.stream().map(Hl7AckTest::msa1).toList());
    assertFalse(answers.get(0).contains("ERR"));
    assertEquals("102", parseStrictly(answers.get(1)).getERR().getHL7ErrorCode().getIdentifier().getValue());
  }

  @Test
  void givenMessageRecordedButForTwoRows_whenAcknowledged_thenErrorWithAnErrSegmentForEachAfterTheCommitAccept()
      throws Exception {
    MessageHeader both = MessageHeader.sniff(fixture("pcd01-vitals.hl7").replace("|NE|AL|", "|AL|AL|"));
    List<Hl7Error> refused = List.of(new Hl7Error(ErrorCode.DATA_TYPE_ERROR, "OBX 2: Heart rate 0 is implausible"),
        new Hl7Error(ErrorCode.TABLE_VALUE_NOT_FOUND, "OBX 5: unit '[degF]' does not match Temperature"));

    List<String> answers = acks.partlyRecorded(both, refused);

    assertEquals(List.of("CA", "AE"), answers.stream().map(Hl7AckTest::msa1).toList(), "taken, then in error");
    ACK ack = parseStrictly(answers.get(1));
    assertEquals(2, ack.getERRReps());
    assertEquals(List.of("102", "103"), List.of(ack.getERR(0).getHL7ErrorCode().getIdentifier().getValue(),
        ack.getERR(1).getHL7ErrorCode().getIdentifier().getValue()));
    assertTrue(answers.get(1).contains("|E|||OBX 5: unit '[degF]' does not match Temperature\r"), answers.get(1));
  }

  @Test
  void givenMessageNoneOfWhoseRowsCouldBeRecorded_whenAcknowledged_thenAnErrSegmentForEachRow() throws Exception {
    List<Hl7Error> refused = List.of(new Hl7Error(ErrorCode.DATA_TYPE_ERROR, "OBX 2: Pulse 0 /min is implausible"),
        new Hl7Error(ErrorCode.TABLE_VALUE_NOT_FOUND, "OBX 3: unit 'K' does not match Temperature"));

    ACK ack = parseStrictly(only(acks.refused(new Hl7ContentException(HEADER, refused))));

    assertEquals("AE", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals(List.of("102", "103"), List.of(ack.getERR(0).getHL7ErrorCode().getIdentifier().getValue(),
        ack.getERR(1).getHL7ErrorCode().getIdentifier().getValue()));
  }

  @Test
  void givenMessageWithoutMsh15OrMsh16_whenAccepted_thenOneOriginalModeAa() {
    assertEquals(List.of("AA"), acks.accepted(MessageHeader.sniff(fixture("adt-a01.hl7"))).stream()
        .map(Hl7AckTest::msa1).toList());
  }

  @Test
  void givenContentError_whenAcknowledged_thenErrSegmentWithCodeSeverityAndEscapedText() throws Exception {
    String reason = "OBX 3: value '1|2^3~4\\5&6' is not a number";

    String text = only(acks.refused(new Hl7ContentException(HEADER, ErrorCode.DATA_TYPE_ERROR, reason)));

    assertTrue(text.contains("ERR|||102^Data type error^HL70357|E|||OBX 3: value '1\\F\\2\\S\\3\\R\\4\\E\\5\\T\\6'"),
        text);
    ACK ack = parseStrictly(text);
    assertEquals("AE", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals("VIT0001", ack.getMSA().getMessageControlID().getValue());
    assertEquals("102", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
    assertEquals("HL70357", ack.getERR().getHL7ErrorCode().getNameOfCodingSystem().getValue());
    assertEquals("E", ack.getERR().getSeverity().getValue());
    assertEquals(reason, ack.getERR().getDiagnosticInformation().getValue());
  }

  @Test
  void givenAdtMessage_whenDecodeRejected_thenArWith200EchoingItsControlId() throws Exception {
    Hl7RejectedException failure = assertThrows(Hl7RejectedException.class,
        () -> new Pcd01Decoder().decode(fixture("adt-a01.hl7"), NOW));

    ACK ack = parseStrictly(only(acks.refused(failure)));

    assertEquals("AR", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals("ADT001", ack.getMSA().getMessageControlID().getValue());
    assertEquals("200", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
    assertEquals("Unsupported message type", ack.getERR().getHL7ErrorCode().getText().getValue());
    assertEquals("A01", ack.getMSH().getMessageType().getTriggerEvent().getValue());
    assertEquals("PAS", ack.getMSH().getReceivingApplication().getNamespaceID().getValue());
  }

  @Test
  void givenMessageWithoutMsh_whenRejected_thenArWithEmptyMsa2AndExplanation() throws Exception {
    Hl7RejectedException failure = assertThrows(Hl7RejectedException.class,
        () -> new Pcd01Decoder().decode("\u0000\u00ff garbage", NOW));

    String text = only(acks.refused(failure));

    assertTrue(text.contains("\rMSA|AR|\r"), text);
    ACK ack = parseStrictly(text);
    assertNull(ack.getMSA().getMessageControlID().getValue());
    assertEquals("100", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
    assertTrue(ack.getERR().getDiagnosticInformation().getValue().contains("No readable MSH"));
    assertEquals("ACK", ack.getMSH().getMessageType().getMessageCode().getValue());
  }

  @Test
  void givenHostileHeader_whenAcknowledged_thenAckStillOneValidMessage() throws Exception {
    MessageHeader hostile =
        new MessageHeader("C|1\rMSA|AA|X", "App|X\nY", null, null, null, "ORU^R01|X", "2.6", null, null, null);

    ACK ack = parseStrictly(only(acks.refused(
        new Hl7RejectedException(hostile, ErrorCode.APPLICATION_INTERNAL_ERROR, "x"))));

    assertEquals("C|1MSA|AA|X", ack.getMSA().getMessageControlID().getValue());
    assertEquals("App|XY", ack.getMSH().getReceivingApplication().getNamespaceID().getValue());
    assertNull(ack.getMSH().getMessageType().getTriggerEvent().getValue());
  }

  @Test
  void givenManyAcks_whenBuilt_thenControlIdsUnique() throws Exception {
    Set<String> ids = new HashSet<>();
    Hl7Ack systemClock = new Hl7Ack();
    for (int i = 0; i < 500; i++) {
      ids.add(parseStrictly(only(systemClock.accepted(HEADER))).getMSH().getMessageControlID().getValue());
      ids.add(parseStrictly(only(acks.accepted(HEADER))).getMSH().getMessageControlID().getValue());
    }
    assertEquals(1000, ids.size());
    assertTrue(ids.stream().allMatch(id -> id.startsWith("WW")));
  }

  @Test
  void givenEveryDelimiter_whenEscaped_thenHl7EscapeSequences() {
    assertEquals("a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f g", Hl7Ack.escape("a|b^c~d\\e&f\rg"));
  }

  private static String only(List<String> answers) {
    assertEquals(1, answers.size(), answers::toString);
    return answers.get(0);
  }

  private static String msa1(String ack) {
    try {
      return parseStrictly(ack).getMSA().getAcknowledgmentCode().getValue();
    } catch (HL7Exception unreadable) {
      throw new AssertionError(ack, unreadable);
    }
  }

  private static ACK parseStrictly(String text) throws HL7Exception {
    return assertInstanceOf(ACK.class, STRICT.getPipeParser().parse(text));
  }
}
