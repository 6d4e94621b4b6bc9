package org.wardwatch.device;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.wardwatch.bus.Addresses;
import org.wardwatch.bus.BusCodecs;
import org.wardwatch.clinical.ClinicalEngineVerticle;
import org.wardwatch.clinical.PatientStore;
import org.wardwatch.cluster.ClusterConsumers;
import org.wardwatch.cluster.Membership;
import org.wardwatch.cluster.PatientRouterVerticle;
import org.wardwatch.parsing.FrameParsingVerticle;

/** A standalone node's device path for the device server's tests: the server, with the real parser and rules behind. */
final class DevicePipeline {

  /** The tests' frame limit, in bytes. */
  static final int MAX_FRAME = 256;
  /** The tests' limit of invalid frames in a row before a device is cut off. */
  static final int MAX_BAD = 5;
  /** The tests' limit of device connections open at once. */
  static final int MAX_CONNECTIONS = 100;

  private DevicePipeline() {
  }

  /** {@link #deploy(Vertx, DeviceServerConfig)} with the tests' limits and an idle timeout of one second. */
  static int deploy(Vertx vertx) {
    return deploy(vertx, new DeviceServerConfig("127.0.0.1", 0, MAX_FRAME, 1, MAX_BAD, MAX_CONNECTIONS));
  }

  /** Deploys the clinical engine, patient router, frame parser and a device server of {@code config}; its port. */
  static int deploy(Vertx vertx, DeviceServerConfig config) {
    DeviceServerVerticle server = new DeviceServerVerticle(config);
    ClusterConsumers consumers = new ClusterConsumers(vertx);
    BusCodecs.register(vertx);
    vertx.deployVerticle(new ClinicalEngineVerticle(null, ClinicalEngineVerticle.DEFAULT_MAX_PATIENTS,
        Membership.standalone(), PatientStore.none(), consumers))
        .compose(id -> vertx.deployVerticle(new PatientRouterVerticle(Membership.standalone())))
        .compose(id -> vertx.deployVerticle(new FrameParsingVerticle(Membership.standalone(), consumers)))
        .compose(id -> vertx.deployVerticle(server))
        .await();
    return server.actualPort();
  }

  /** The patient's snapshot, as the REST API gives it. */
  static JsonObject patient(Vertx vertx, String key) {
    return vertx.eventBus().<JsonObject>request(Addresses.PATIENTS_GET, key).map(Message::body).await();
  }
}
