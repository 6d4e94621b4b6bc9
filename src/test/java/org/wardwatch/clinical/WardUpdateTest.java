package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.wardwatch.bus.SnapshotFixtures.received;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardwatch.bus.PatientSnapshot;

/** What an update publishes of the patients no longer held here by the time it is announced. */
class WardUpdateTest {

  private static final PatientSnapshot P1 = received("P1", "surgery", "{\"patient\":\"P1\"}");
  private static final PatientSnapshot P2 = received("P2", "surgery", "{\"patient\":\"P2\"}");
  private static final PatientSnapshot P3_DISCHARGED = PatientSnapshot.ofNotice("P3", "surgery", json -> {
    json.writeStartObject();
    json.writeEndObject();
  });

  @Test
  void givenPatientsReleased_thenTheirSnapshotsAreDroppedButDischargeNoticesKept() {
    WardUpdate update = new WardUpdate(List.of(), List.of(P1, P2, P3_DISCHARGED), List.of());

    WardUpdate held = update.withSnapshotsOf(Set.of("P1")::contains);

    assertEquals(List.of(P1, P3_DISCHARGED), held.snapshots(), "no later snapshot follows a discharge notice");
    assertEquals(update.changedPatients(), held.changedPatients(), "what was stored stays as it was");
  }

  @Test
  void givenEveryPatientHeld_thenTheUpdateIsPublishedAsItIs() {
    WardUpdate update = new WardUpdate(List.of(), List.of(P1, P2), List.of());

    assertSame(update, update.withSnapshotsOf(patient -> true));
  }
}
