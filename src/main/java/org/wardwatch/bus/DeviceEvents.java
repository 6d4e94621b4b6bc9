package org.wardwatch.bus;

import io.vertx.core.eventbus.EventBus;
import org.wardwatch.model.DeviceEvent;

/**
 * The one way the device side tells the clinical engines of a {@link DeviceEvent}: a line device's session
 * ({@code DeviceSession}) of the devices its {@code HELLO}s named or moved on from, its disconnections and refused
 * frames, the HL7 parser ({@code Hl7ParsingVerticle}) of a message refused for its content. Published on
 * {@link Addresses#DEVICE_EVENTS}, whose patient router hands it to the patient's owner.
 *
 * <p>Stateless; called on the announcing verticle's thread.
 */
public final class DeviceEvents {

  private DeviceEvents() {
  }

  /** Publishes {@code event} on {@code eventBus} once its device is named: a device that named none has no alarm. */
  public static void announce(EventBus eventBus, DeviceEvent event) {
    if (event.source().device() != null) {
      eventBus.publish(Addresses.DEVICE_EVENTS, event.toJson());
    }
  }
}
