package org.wardwatch.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Bedside devices for the benchmarks: one TCP connection per device, on the generator's single event loop. Either
 * floods pre-built batches as fast as the server takes them ({@link #flood}, W1), or sends one frame at a time on an
 * {@link OpenLoop} schedule ({@link #openLoop}, W2, W3, W4).
 */
final class DeviceFleet implements AutoCloseable {

  private final Vertx vertx;
  private final NetClient client;
  private final List<NetSocket> sockets = new ArrayList<>();
  private final AtomicLong answerLines = new AtomicLong();

  private DeviceFleet(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
  }

  /** Connects {@code count} devices; {@code hello} gives device i's first line (or {@code null} for none). */
  static DeviceFleet connect(Vertx vertx, int port, int count, IntFunction<String> hello) {
    DeviceFleet fleet = new DeviceFleet(vertx);
    List<Future<NetSocket>> connecting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String first = hello.apply(i);
      connecting.add(fleet.client.connect(port, "127.0.0.1").onSuccess(socket -> {
        socket.handler(answers -> fleet.countLines(answers));
        if (first != null) {
          socket.write(first + "\n");
        }
      }));
      if (connecting.size() % 500 == 0) {
        Future.all(connecting).await(); // do not flood the accept queue
      }
    }
    Future.all(connecting).await();
    connecting.forEach(connected -> fleet.sockets.add(connected.result()));
    return fleet;
  }

  int size() {
    return sockets.size();
  }

  /** Answer lines (ACK/NAK) received so far from the server. */
  long answers() {
    return answerLines.get();
  }

  /**
   * Every device writes {@code batch(i)} again and again, as fast as the server reads it, for {@code duration};
   * returns the number of batches written and accepted by the socket.
   */
  long flood(IntFunction<Buffer> batch, Duration duration) throws InterruptedException {
    AtomicLong written = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    for (int i = 0; i < sockets.size(); i++) {
      NetSocket socket = sockets.get(i);
      Buffer chunk = batch.apply(i);
      vertx.runOnContext(start -> keepWriting(socket, chunk, end, written));
    }
    Thread.sleep(duration.toMillis());
    return written.get();
  }

  private void keepWriting(NetSocket socket, Buffer chunk, long end, AtomicLong written) {
    while (System.nanoTime() < end && !socket.writeQueueFull()) {
      socket.write(chunk).onSuccess(done -> written.incrementAndGet());
    }
    if (System.nanoTime() < end) {
      socket.drainHandler(drained -> keepWriting(socket, chunk, end, written));
    }
  }

  /**
   * Sends {@code framesPerSecond} frames in all, round-robin over the devices, for {@code duration}, on the
   * {@link OpenLoop} schedule; {@code frame} gives the line for a device's numbered frame and its scheduled time.
   */
  OpenLoop.Lag openLoop(double framesPerSecond, Duration duration, ScheduledFrame frame) throws InterruptedException {
    return OpenLoop.run(vertx, sockets.size(), framesPerSecond, duration,
        (device, number, scheduled) -> sockets.get(device).write(frame.line(device, number, scheduled) + "\n"));
  }

  /** The line device {@code device} sends as its {@code number}-th frame, scheduled at {@code scheduledNanos}. */
  interface ScheduledFrame {
    String line(int device, long number, long scheduledNanos);
  }

  private void countLines(Buffer answers) {
    long lines = 0;
    for (int i = 0; i < answers.length(); i++) {
      if (answers.getByte(i) == '\n') {
        lines++;
      }
    }
    answerLines.addAndGet(lines);
  }

  @Override
  public void close() {
    Future.all(sockets.stream().map(NetSocket::close).toList()).await();
    client.close().await();
  }
}
