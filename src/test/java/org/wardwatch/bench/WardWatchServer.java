package org.wardwatch.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts a standalone WardWatch node (no simulator) as a {@link ServerProcess} on the server core. */
final class WardWatchServer {

  static final int DEVICE_PORT = 17000;
  static final int HTTP_PORT = 18080;
  static final String ORIGIN = "http://bench.local";

  private WardWatchServer() {
  }

  static ServerProcess start(int core) throws IOException, InterruptedException {
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", HTTP_PORT)
            .put("allowedOrigins", new JsonArray().add(ORIGIN)))
        .put("devices", new JsonObject().put("host", "127.0.0.1").put("port", DEVICE_PORT))
        .put("hl7", new JsonObject().put("host", "127.0.0.1").put("port", 17575))
        .put("simulator", new JsonObject().put("enabled", false));
    Path file = Files.createTempFile("wardwatch-bench", ".json");
    Files.writeString(file, config.encode());
    return ServerProcess.start("wardwatch", core, ServerProcess.productClassPath(),
        "org.wardwatch.node.WardWatchMain", List.of("-conf", file.toString()), DEVICE_PORT, HTTP_PORT);
  }
}
