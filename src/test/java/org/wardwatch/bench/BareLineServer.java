package org.wardwatch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.parsetools.RecordParser;

/**
 * The floor for W1: a bare Vert.x TCP server that splits its input into lines and discards them, with nothing of
 * WardWatch in the path. Run by {@link PerformanceSuite} in a process of its own.
 *
 * <p>Arguments: the port.
 */
public final class BareLineServer {

  private BareLineServer() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.createNetServer()
        .connectHandler(socket -> socket.handler(RecordParser.newDelimited("\n", line -> { })))
        .listen(Integer.parseInt(args[0]), "127.0.0.1")
        .await();
  }
}
