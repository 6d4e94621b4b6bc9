package org.wardwatch.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wardwatch.bus.Addresses;

/** Thousands of devices connected at once, each answered correctly, over real loopback connections. */
@ExtendWith(VertxExtension.class)
class ManyDevicesTest {

  private static final int DEVICES = 3000;
  private static final int CONNECT_BATCH = 250;

  @Test
  void threeThousandConcurrentDevicesAreAllAnswered(Vertx vertx) {
    int port = DevicePipeline.deploy(vertx, new DeviceServerConfig("127.0.0.1", 0, 4096, 120, 10, 20_000));
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000));

    List<NetSocket> sockets = new ArrayList<>();
    for (int first = 0; first < DEVICES; first += CONNECT_BATCH) {
      List<Future<NetSocket>> batch = new ArrayList<>();
      for (int i = first; i < Math.min(DEVICES, first + CONNECT_BATCH); i++) {
        batch.add(client.connect(port, "127.0.0.1"));
      }
      Future.all(batch).await();
      batch.forEach(connected -> sockets.add(connected.result()));
    }

    List<Future<Void>> answered = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      answered.add(exchange(sockets.get(i), "FLEET-" + i));
    }
    Future.all(answered).await();

    JsonArray patients = vertx.eventBus().<JsonArray>request(Addresses.PATIENTS_LIST, null).map(Message::body).await();
    assertEquals(DEVICES, patients.size(), "every device recorded while all connections are open");
    client.close().await();
  }

  /** Sends HELLO and one frame; completes when both expected answers have arrived. */
  private static Future<Void> exchange(NetSocket socket, String device) {
    Promise<Void> done = Promise.promise();
    List<String> answers = new ArrayList<>();
    RecordParser.newDelimited("\n", socket).handler(line -> {
      answers.add(line.toString());
      if (answers.size() == 2) {
        if (answers.equals(List.of("ACK|", "ACK|1"))) {
          done.tryComplete();
        } else {
          done.tryFail(device + " got " + answers);
        }
      }
    });
    socket.write("HELLO|Device=" + device + "|Ward=fleet\nPulse=80|SpO2=97|Seq=1\n");
    return done.future();
  }
}
