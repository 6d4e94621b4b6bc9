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
import org.HdrHistogram.Histogram;

/**
 * W5's peer: the Mosquitto broker on this machine (127.0.0.1:1883, started if it is not running), with the publishers
 * and rate of W3 (QoS 1, as a WardWatch device gets an ACK per frame) and one subscriber (QoS 0, as a browser session
 * gets no acknowledgement). The payload is the same line frame; latency is scheduled publish → received by the
 * subscriber; CPU per message from the broker's own accounting, with the broker pinned to the server core. Measured in
 * {@link #window windows} that add up, so they can alternate with WardWatch's ({@link AlarmLatency}).
 */
final class MosquittoPeer implements AutoCloseable {

  static final int PORT = 1883;

  /** Latency of the windows, and the broker's CPU per message in them. */
  record Result(Histogram latency, CpuTime cpuPerMessage) {
  }

  private final Vertx generator;
  private final long broker;
  private final MqttClient subscriber;
  private final List<MqttClient> clients;
  private final TaggedSchedule schedule;
  private final Histogram latency = new Histogram(60_000_000_000L, 3);
  private CpuTime cpu = CpuTime.NONE;
  private long messages;

  private MosquittoPeer(Vertx generator, long broker, MqttClient subscriber, List<MqttClient> clients,
      TaggedSchedule schedule) {
    this.generator = generator;
    this.broker = broker;
    this.subscriber = subscriber;
    this.clients = clients;
    this.schedule = schedule;
  }

  /** Pins the broker to {@code serverCore} and connects the subscriber and {@code publishers} publishers. */
  static MosquittoPeer connect(Vertx generator, int serverCore, int publishers) throws Exception {
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
    return new MosquittoPeer(generator, broker, subscriber, clients, schedule);
  }

  /** Stops the broker while WardWatch is measured ({@link ServerProcess#pause(long)}). */
  void pause() throws IOException, InterruptedException {
    ServerProcess.pause(broker);
  }

  /** Lets the broker run again. */
  void resume() throws IOException, InterruptedException {
    ServerProcess.resume(broker);
  }

  /** Publishes {@code messagesPerSecond} in all for {@code duration}, unmeasured. */
  void warmUp(double messagesPerSecond, Duration duration) throws InterruptedException {
    publish(messagesPerSecond, duration);
  }

  /**
   * Measures one window of {@code duration} at {@code messagesPerSecond}, after the generator's collection and
   * {@link WardLoad#SETTLE} at that rate (as W3's: no window starts from idle), and adds it to the result.
   */
  void window(double messagesPerSecond, Duration duration) throws InterruptedException {
    GeneratorPauses generatorPauses = GeneratorPauses.collectThenCount();
    publish(messagesPerSecond, WardLoad.SETTLE);
    schedule.reset();
    CpuTime before = CpuTime.of(broker);
    OpenLoop.Lag lag = publish(messagesPerSecond, duration);
    cpu = cpu.plus(CpuTime.of(broker).minus(before));
    messages += Math.round(messagesPerSecond * duration.toMillis() / 1000);
    Thread.sleep(1000);
    latency.add(schedule.latency());
    System.out.println("W5  Mosquitto: " + schedule.slowBursts().summary("messages") + "\n    "
        + generatorPauses.summary() + "\n    " + lag.summary());
  }

  /** The windows' latency and the broker's CPU per message in them. */
  Result result() {
    return new Result(latency.copy(), cpu.per(messages));
  }

  @Override
  public void close() {
    Future.all(clients.stream().map(MqttClient::disconnect).toList()).await();
    subscriber.disconnect().await();
  }

  private OpenLoop.Lag publish(double messagesPerSecond, Duration duration) throws InterruptedException {
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
