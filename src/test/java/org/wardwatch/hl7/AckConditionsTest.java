package org.wardwatch.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.hl7.AckConditions.Outcome;

class AckConditionsTest {

  @ParameterizedTest(name = "MSH-15 {0}, MSH-16 {1}, {2}: {3}")
  @CsvSource(nullValues = "-", value = {
      // original mode: both empty
      "-,  -,  ACCEPTED, AA",
      "-,  -,  ERROR,    AE",
      "-,  -,  REJECTED, AR",
      // IHE PCD-01: no accept acknowledgement, the application acknowledgement always
      "NE, AL, ACCEPTED, AA",
      "NE, AL, ERROR,    AE",
      "NE, AL, REJECTED, AR",
      // both always: commit, then the application's verdict; a rejection is never committed
      "AL, AL, ACCEPTED, CA AA",
      "AL, AL, ERROR,    CA AE",
      "AL, AL, REJECTED, CR",
      // accept acknowledgements only
      "AL, NE, ACCEPTED, CA",
      "AL, NE, ERROR,    CA",
      "AL, -,  ACCEPTED, CA",
      // on errors, or on success, only
      "ER, ER, ACCEPTED, ''",
      "ER, ER, ERROR,    AE",
      "ER, ER, REJECTED, CR",
      "SU, SU, ACCEPTED, CA AA",
      "SU, SU, ERROR,    CA",
      "SU, ER, REJECTED, AR",
      // never
      "NE, NE, ACCEPTED, ''",
      "NE, NE, REJECTED, ''",
      // not taken whole (too large, cut short): once, never as taken
      "-,  -,  INCOMPLETE, AE",
      "AL, AL, INCOMPLETE, CE",
      "SU, AL, INCOMPLETE, AE",
      "NE, NE, INCOMPLETE, ''",
      // its patient not admitted (the gateway's limits): not taken, as no fault of the message
      "-,  -,  NOT_ADMITTED, AE",
      "NE, AL, NOT_ADMITTED, AE",
      "AL, NE, NOT_ADMITTED, CE",
      "AL, AL, NOT_ADMITTED, CE",
      // an empty field in enhanced mode asks for none; a value outside the table for every one; case and blanks ignored
      "-,  AL, ACCEPTED, AA",
      "XX, NE, ACCEPTED, CA",
      "al, su, ACCEPTED, CA AA",
      "' NE ', ' al', ACCEPTED, AA"})
  void givenTheSendersConditions_whenAnswered_thenTheAcknowledgementsTheyAskFor(String accept, String application,
      Outcome outcome, String expected) {
    MessageHeader header = new MessageHeader("C1", null, null, null, null, "ORU^R01", "2.6", null, accept, application);

    List<String> codes = AckConditions.codes(header, outcome).stream().map(Enum::name).toList();

    assertEquals(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), codes);
  }

  @ParameterizedTest(name = "MSH-15 and MSH-16 {0}, {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "\"\"|\"\"; ACCEPTED; AA", // both null: original mode
      "\"\"|AL; ERROR; AE", // no accept acknowledgement asked for
      "AL|\"\"; ACCEPTED; CA"}) // no application acknowledgement asked for
  void givenHl7NullValueInMsh15OrMsh16_whenSniffedAndAnswered_thenNoConditionThere(String both, Outcome outcome,
      String expected) {
    MessageHeader header = MessageHeader.sniff("MSH|^~\\&|Mon1|ICU|||20261122101500||ORU^R01|C1|P|2.6|||" + both);

    assertEquals(List.of(expected), AckConditions.codes(header, outcome).stream().map(Enum::name).toList());
  }

  @ParameterizedTest(name = "MSH-15 {0}, MSH-16 {1}, {2}")
  @CsvSource(nullValues = "-", value = {
      "-,  -,  ACCEPTED", "-,  -,  REJECTED", "AL, AL, ACCEPTED", "AL, AL, ERROR", "AL, AL, REJECTED",
      "NE, AL, INCOMPLETE", "ER, ER, NOT_ADMITTED"})
  void givenAnAcknowledgementReceived_whenAnswered_thenNeverAcknowledged(String accept, String application,
      Outcome outcome) {
    MessageHeader ack = new MessageHeader("C9", null, null, null, null, "ACK^R01", "2.6", null, accept, application);

    assertEquals(List.of(), AckConditions.codes(ack, outcome));
  }
}
