package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.DeviceEvent;
import org.wardwatch.model.DeviceIdentity;
import org.wardwatch.model.Observation;
import org.wardwatch.model.Parameter;

/**
 * What the patient store writer does when another member fenced it off, when the patient is released and when it is
 * discharged: a fenced save neither tried again nor stored, the patient handed on and only it named among an update's
 * patients; a patient released with vitals not stored yet left as stored, not taken for discharged; a discharge
 * forgetting the stored state once its audit entries are in the audit trail.
 */
class PatientStoreWriterFencingTest extends PatientStoreWriterFixture {

  @Test
  void aSaveFencedByAnotherMembersClaimIsNotTriedAgainAndThePatientIsHandedOn() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)); // another member takes the patient over

    Saved saved = await(() -> writer.write(HandOver.frame(HandOver.at(1), "PULSE=170").apply(engine)));

    assertEquals(Set.of(PATIENT), saved.fenced());
    assertInstanceOf(PatientStore.Fenced.class, saved.asFuture().cause());
    assertEquals(List.of(PATIENT), fenced);
    await(writer::flush);
    assertFalse(stored().isPresent(), "neither stored nor tried again");
  }

  @Test
  void givenOnePatientOfAnUpdateFenced_thenTheOthersAreStoredAndOnlyItIsNamed() throws Exception {
    DeviceIdentity neighbour = new DeviceIdentity("mon-2", "P2", "2", "surgery");
    CLUSTER.await(() -> CLUSTER.store.claim("P2"));
    WardUpdate first = HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine);
    Observation pulse = new Observation(neighbour, Parameter.PULSE, Parameter.PULSE.mdcCode(), new BigDecimal("170"),
        Parameter.PULSE.unit(), null, HandOver.at(0), null, false);
    WardUpdate second = engine.apply(WardStateFixtures.report(neighbour, HandOver.at(0), List.of(pulse), null, null),
        HandOver.at(0));
    WardUpdate both = new WardUpdate(Stream.concat(first.transitions().stream(), second.transitions().stream())
        .toList(), Stream.concat(first.snapshots().stream(), second.snapshots().stream()).toList(),
        Stream.concat(first.audit().stream(), second.audit().stream()).toList());
    CLUSTER.await(() -> CLUSTER.store.claim(PATIENT)); // another member takes P1 over

    Saved saved = await(() -> writer.write(both));

    assertEquals(Set.of(PATIENT), saved.fenced());
    assertNull(saved.failure());
    assertEquals(1, await(() -> CLUSTER.store.snapshot("P2")).orElseThrow().getJsonArray("alarms").size());
  }

  @Test
  void aPatientReleasedWithVitalsNotStoredYetIsLeftAsStoredNotTakenForDischarged() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    await(() -> writer.write(HandOver.frame(HandOver.at(1), "PULSE=171").apply(engine)));
    engine.release(PATIENT); // another member owns it now

    await(writer::flush);

    assertEquals(170, stored().orElseThrow().getJsonObject("vitals").getJsonObject("PULSE").getInteger("value"));
  }

  @Test
  void aDischargeForgetsThePatientsStoredState() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=170").apply(engine)));
    String alarm = engine.view().snapshot(PATIENT).orElseThrow().toJson().getJsonArray("alarms").getJsonObject(0)
        .getString("id");
    await(() -> writer.write(HandOver.acknowledge(alarm, HandOver.at(1)).apply(engine)));
    await(() -> writer.write(
        engine.deviceEvent(DeviceEvent.disconnected(HandOver.MONITOR, null, null), HandOver.at(1))));
    assertTrue(stored().isPresent());

    await(() -> writer.write(engine.discharge(PATIENT, HandOver.NURSE, HandOver.at(2))));

    assertFalse(stored().isPresent());
    assertTrue(await(() -> CLUSTER.store.claim(PATIENT)).state().isEmpty(), "a later claim admits it afresh");
  }

  @Test
  void aDischargeLeavesThePatientsStoredStateUntilItsAuditEntriesAreInTheAuditTrail() throws Exception {
    await(() -> writer.write(HandOver.frame(HandOver.at(0), "PULSE=80").apply(engine)));
    await(() -> writer.write(
        engine.deviceEvent(DeviceEvent.disconnected(HandOver.MONITOR, null, null), HandOver.at(1))));
    assertTrue(stored().isPresent());
    auditReachable = false;

    Saved saved = await(() -> writer.write(engine.discharge(PATIENT, HandOver.NURSE, HandOver.at(2))));

    assertTrue(saved.failure() != null, "not stored: whoever discharged the patient is told so");
    assertTrue(stored().isPresent(), "the state, which keeps the audit entries for a next owner, stays");
    auditReachable = true;
    for (int round = 0; round < 2 * PatientStoreWriter.MAX_UNSTORED_MS / PatientStoreWriter.ROUND_MS; round++) {
      await(writer::storeDue); // tried again in a later round
    }
    assertFalse(stored().isPresent(), "discharged once its entries are recorded");
    assertTrue(audited.values().stream().anyMatch(entry -> "DISCHARGED".equals(entry.getString("type"))),
        audited::toString);
  }
}
