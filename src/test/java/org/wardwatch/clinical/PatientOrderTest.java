package org.wardwatch.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Steps about each patient in the order asked for, and no more waiting than that. */
class PatientOrderTest {

  private final PatientOrder order = new PatientOrder();
  private final List<String> ran = new ArrayList<>();

  @Test
  void aStepWaitsForTheEarlierStepsAboutAnyOfItsPatientsOnly() {
    Promise<Void> bothStored = Promise.promise();
    order.after(Set.of("P1", "P2"), () -> {
      ran.add("P1+P2");
      return bothStored.future();
    });

    order.after(Set.of("P1"), () -> step("P1"));
    order.after(Set.of("P3"), () -> step("P3"));

    assertEquals(List.of("P1+P2", "P3"), ran, "P1's waits; P3's has nothing before it");
    assertFalse(order.idle(Set.of("P2")));
    assertTrue(order.idle(Set.of("P3")));
    bothStored.complete();
    assertEquals(List.of("P1+P2", "P3", "P1"), ran);
    assertTrue(order.idle(Set.of("P1", "P2")), "nothing left pending");
  }

  @Test
  void aFailedEarlierStepDoesNotHoldTheNextOneBack() {
    Promise<Void> notStored = Promise.promise();
    order.after(Set.of("P1"), notStored::future);
    Future<Void> next = order.after(Set.of("P1"), () -> step("P1 again"));

    notStored.fail("store out of reach");

    assertTrue(next.succeeded());
    assertEquals(List.of("P1 again"), ran);
  }

  private Future<Void> step(String name) {
    ran.add(name);
    return Future.succeededFuture();
  }
}
