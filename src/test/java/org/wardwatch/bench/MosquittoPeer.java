package org.wardwatch.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W5's peer: the Mosquitto broker on this machine (127.0.0.1:1883, started if it is not running), with the publishers
 * and rate of W3 (QoS 1, as a WardWatch device gets an ACK per frame) and one subscriber (QoS 0, as a browser session
 * gets no acknowledgement). The payload is the same line frame; latency is scheduled publish → received by the
 * subscriber; CPU per message from the broker's own accounting, with the broker pinned to the server core.
 */
final class MosquittoPeer {

  static final int PORT = 1883;

  private MosquittoPeer() {
  }

  /** Latency of the run, and the broker's CPU per message. */
  record Result(org.HdrHistogram.Histogram latency, double cpuPerMessageNanos) {
  }

  static Result run(Vertx generator, int serverCore, int publishers, double messagesPerSecond, Duration warmUp,
      Duration measure) throws Exception {
    long broker = brokerPid();
    new ProcessBuilder("taskset", "-a", "-p", "-c", Integer.toString(serverCore), Long.toString(broker))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    TaggedSchedule schedule = new TaggedSchedule(publishers);
    MqttClient subscriber = MqttClient.create(generator, new MqttClientOptions().setClientId("w5-subscriber")
        .setMaxMessageSize(64 * 1024));
    subscriber.publishHandler(message -> schedule.delivered(
        TaggedSchedule.intAfter(message.topicName(), "bench/w5/"),
        TaggedSchedule.intAfter(message.payload().toString(), "Pulse="), System.nanoTime()));
    subscriber.connect(PORT, "127.0.0.1").await();
    subscriber.subscribe("bench/w5/#", MqttQoS.AT_MOST_ONCE.value()).await();
    List<MqttClient> clients = new ArrayList<>();
    List<Future<?>> connecting = new ArrayList<>();
    for (int i = 0; i < publishers; i++) {
      MqttClient client = MqttClient.create(generator, new MqttClientOptions().setClientId("w5-" + i)
          .setMaxInflightQueue(1000));
      clients.add(client);
      connecting.add(client.connect(PORT, "127.0.0.1"));
    }
    Future.all(connecting).await();
    try {
      publish(generator, clients, schedule, messagesPerSecond, warmUp);
      GeneratorPauses generatorPauses = GeneratorPauses.collectThenCount();
      publish(generator, clients, schedule, messagesPerSecond, WardLoad.SETTLE); // as W3: no window starts from idle
      schedule.reset();
      long cpu = ServerProcess.cpuOf(broker).toNanos();
      OpenLoop.Lag lag = publish(generator, clients, schedule, messagesPerSecond, measure);
      double cpuPerMessage = (ServerProcess.cpuOf(broker).toNanos() - cpu) / (messagesPerSecond * measure.toSeconds());
      Thread.sleep(1000);
      System.out.println("W5  Mosquitto: " + schedule.slowBursts().summary("messages") + "\n    "
          + generatorPauses.summary() + "\n    " + lag.summary());
      return new Result(schedule.latency().copy(), cpuPerMessage);
    } finally {
      Future.all(clients.stream().map(MqttClient::disconnect).toList()).await();
      subscriber.disconnect().await();
    }
  }

  private static OpenLoop.Lag publish(Vertx generator, List<MqttClient> clients, TaggedSchedule schedule,
      double messagesPerSecond, Duration duration) throws InterruptedException {
    return OpenLoop.run(generator, clients.size(), messagesPerSecond, duration, (device, number, scheduled) -> {
      int pulse = TaggedSchedule.pulseOf(number);
      schedule.sent(device, pulse, scheduled);
      clients.get(device).publish("bench/w5/" + device,
          Buffer.buffer("Pulse=" + pulse + "|SpO2=97|RR=16|Temperature=36.8|BP=120/80"),
          MqttQoS.AT_LEAST_ONCE, false, false);
    });
  }

  /** The running broker's process id; starts the broker as this machine's service configuration does if none runs. */
  private static long brokerPid() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Process pgrep = new ProcessBuilder("pgrep", "-o", "-x", "mosquitto").start();
      String pid = new String(pgrep.getInputStream().readAllBytes()).trim();
      if (pgrep.waitFor() == 0 && !pid.isEmpty()) {
        return Long.parseLong(pid);
      }
      new ProcessBuilder("mosquitto", "-d", "-c", "/etc/mosquitto/mosquitto.conf").inheritIO().start().waitFor();
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Mosquitto is not running and could not be started");
  }
}
