package org.wardwatch.clinical;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.function.Predicate;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusFailures;
import org.wardwatch.bus.BusRequests;
import org.wardwatch.cluster.Membership;

/**
 * Whether this member's clinical engine may take a request about a patient: only the patient's owner changes it, and
 * a member cut off from its cluster's quorum changes none. A refused request's sender is told why, with
 * {@link Addresses#NOT_OWNED_HERE} when it is to ask the owner again (as a patient router does). Used by the
 * {@link ClinicalEngineVerticle} on its event loop.
 */
final class OwnerGate {

  private final EventBus bus;
  private final Membership membership;
  private final Predicate<String> held;

  /** @param held true for a patient this member's engine holds (a read of it is answered while cut off) */
  OwnerGate(EventBus bus, Membership membership, Predicate<String> held) {
    this.bus = bus;
    this.membership = membership;
    this.held = held;
  }

  /** True when this member owns {@code patientKey} ({@link Membership#ownerOf}). */
  boolean ownedHere(String patientKey) {
    return membership.self().equals(membership.ownerOf(patientKey));
  }

  /**
   * Refuses {@code message} when another member owns {@code patient} now (it moved, and the sender chose the owner
   * before): only the owner may change a patient, or an acknowledgement made here would be lost to the owner's state.
   * While this member is cut off from its cluster's quorum ({@link Membership#hasQuorum()}) it refuses a
   * {@code change}, and a read of a patient it does not hold (taking the patient over would claim it in its own copy).
   */
  boolean refused(String patient, Message<?> message, boolean change) {
    if (!membership.hasQuorum() && (change || !held.test(patient))) {
      BusRequests.refuse(bus, message, BusFailures.UNAVAILABLE, membership.noQuorum());
      return true;
    }
    if (patient == null || ownedHere(patient)) {
      return false;
    }
    BusRequests.refuse(bus, message, Addresses.NOT_OWNED_HERE,
        "patient " + patient + " is owned by another member now; try again");
    return true;
  }

  /**
   * Refuses {@code message}, whose change could not be stored for {@code error}: with
   * {@link Addresses#NOT_OWNED_HERE} when another member claimed the patient meanwhile and {@code askOwnerAgain} (the
   * change is dropped here, and its sender asks the owner again, as a patient router does with a clinician's action),
   * else {@link BusFailures#UNAVAILABLE}. A fenced discharge is not asked again: its audit entries are written before
   * its store write, and the clinician is to see the patient as the new owner has it before discharging it again.
   */
  void refuseNotStored(Message<?> message, Throwable error, boolean askOwnerAgain) {
    if (askOwnerAgain && error instanceof PatientStore.Fenced) {
      BusRequests.refuse(bus, message, Addresses.NOT_OWNED_HERE, error.getMessage() + "; try again");
    } else {
      BusRequests.refuse(bus, message, BusFailures.UNAVAILABLE, "not stored: " + error.getMessage());
    }
  }
}
