package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardwatch.hl7.Hl7Fixtures.fixture;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v26.message.ACK;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.hl7.Hl7Ack.AckMode;

class Hl7AckTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:15:30.250Z");
  private static final DefaultHapiContext STRICT = new DefaultHapiContext();
  private static final MessageHeader HEADER = MessageHeader.sniff(fixture("pcd01-vitals.hl7"));

  private final Hl7Ack acks = new Hl7Ack(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));

  @Test
  void givenAcceptedMessage_whenAcknowledged_thenValidHl7AckEchoingControlIdAndSender() throws Exception {
    String text = acks.accept(HEADER, AckMode.ORIGINAL);

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

  @ParameterizedTest
  @CsvSource({"ORIGINAL, AA, AE, AR", "ENHANCED, CA, CE, CR"})
  void givenMode_whenAcknowledged_thenMsa1CodesOfThatMode(AckMode mode, String accept, String error, String reject)
      throws Exception {
    assertEquals(accept, msa1(acks.accept(HEADER, mode)));
    assertEquals(error, msa1(acks.error(HEADER, mode, 102, "bad")));
    assertEquals(reject, msa1(acks.reject(HEADER, mode, 200, "bad")));
  }

  @Test
  void givenContentError_whenAcknowledged_thenErrSegmentWithCodeSeverityAndEscapedText() throws Exception {
    String reason = "OBX 3: value '1|2^3~4\\5&6' is not a number";

    String text = acks.error(HEADER, AckMode.ORIGINAL, Hl7Exception.DATA_TYPE_ERROR, reason);

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

    ACK ack = parseStrictly(acks.failure(failure, AckMode.ORIGINAL));

    assertEquals("AR", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals("ADT001", ack.getMSA().getMessageControlID().getValue());
    assertEquals("200", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
    assertEquals("Unsupported message type", ack.getERR().getHL7ErrorCode().getText().getValue());
    assertEquals("A01", ack.getMSH().getMessageType().getTriggerEvent().getValue());
    assertEquals("PAS", ack.getMSH().getReceivingApplication().getNamespaceID().getValue());
  }

  @Test
  void givenContentFailure_whenAcknowledged_thenAe() throws Exception {
    Hl7ContentException failure = new Hl7ContentException(HEADER, Hl7Exception.TABLE_VALUE_NOT_FOUND, "unit kPa");

    ACK ack = parseStrictly(acks.failure(failure, AckMode.ENHANCED));

    assertEquals("CE", ack.getMSA().getAcknowledgmentCode().getValue());
    assertEquals("103", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
  }

  @Test
  void givenMessageWithoutMsh_whenRejected_thenArWithEmptyMsa2AndExplanation() throws Exception {
    Hl7RejectedException failure = assertThrows(Hl7RejectedException.class,
        () -> new Pcd01Decoder().decode("\u0000\u00ff garbage", NOW));

    String text = acks.failure(failure, AckMode.ORIGINAL);

    assertTrue(text.contains("\rMSA|AR|\r"), text);
    ACK ack = parseStrictly(text);
    assertNull(ack.getMSA().getMessageControlID().getValue());
    assertEquals("100", ack.getERR().getHL7ErrorCode().getIdentifier().getValue());
    assertTrue(ack.getERR().getDiagnosticInformation().getValue().contains("No readable MSH"));
    assertEquals("ACK", ack.getMSH().getMessageType().getMessageCode().getValue());
  }

  @Test
  void givenHostileHeader_whenAcknowledged_thenAckStillOneValidMessage() throws Exception {
    MessageHeader hostile = new MessageHeader("C|1\rMSA|AA|X", "App|X\nY", null, null, null, "ORU^R01|X", "2.6", null);

    ACK ack = parseStrictly(acks.reject(hostile, AckMode.ORIGINAL, 207, "x"));

    assertEquals("C|1MSA|AA|X", ack.getMSA().getMessageControlID().getValue());
    assertEquals("App|XY", ack.getMSH().getReceivingApplication().getNamespaceID().getValue());
    assertNull(ack.getMSH().getMessageType().getTriggerEvent().getValue());
  }

  @Test
  void givenManyAcks_whenBuilt_thenControlIdsUnique() throws Exception {
    Set<String> ids = new HashSet<>();
    Hl7Ack systemClock = new Hl7Ack();
    for (int i = 0; i < 500; i++) {
      ids.add(parseStrictly(systemClock.accept(HEADER, AckMode.ORIGINAL)).getMSH().getMessageControlID().getValue());
      ids.add(parseStrictly(acks.accept(HEADER, AckMode.ORIGINAL)).getMSH().getMessageControlID().getValue());
    }
    assertEquals(1000, ids.size());
    assertTrue(ids.stream().allMatch(id -> id.startsWith("WW")));
  }

  @Test
  void givenEveryDelimiter_whenEscaped_thenHl7EscapeSequences() {
    assertEquals("a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f g", Hl7Ack.escape("a|b^c~d\\e&f\rg"));
  }

  private static String msa1(String ack) throws HL7Exception {
    return parseStrictly(ack).getMSA().getAcknowledgmentCode().getValue();
  }

  private static ACK parseStrictly(String text) throws HL7Exception {
    return assertInstanceOf(ACK.class, STRICT.getPipeParser().parse(text));
  }
}
