package org.wardwatch.clinical;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileProps;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.config.ConfigException;

/**
 * The clinical rules file (thresholds, alarm policy, NEWS2 and technical-alarm settings): loaded at start-up, then
 * watched so an edited file takes effect without a restart. A changed file that does not parse or validate is rejected
 * with a log line naming the problem, and the rules in force stay in force. Without a configured path the built-in
 * {@code conf/rules.json} is used and not watched.
 *
 * <p>Runs on the event loop of the verticle that starts it; file access is asynchronous.
 */
final class RulesFile {

  private static final Logger LOG = LoggerFactory.getLogger(RulesFile.class);
  private static final String BUILT_IN = "conf/rules.json";
  private static final long CHECK_INTERVAL_MS = 2000;

  private final Vertx vertx;
  private final String path;
  private long lastModified;
  private long lastSize;
  private String lastProblem;

  /** @param path the rules file, or {@code null} for the built-in rules */
  RulesFile(Vertx vertx, String path) {
    this.vertx = vertx;
    this.path = path;
  }

  /** Loads the rules; fails with a {@link ConfigException} naming the problem when they cannot be loaded. */
  Future<ClinicalRules> load() {
    if (path == null) {
      return vertx.executeBlocking(RulesFile::readBuiltIn).map(RulesFile::parse)
          .onSuccess(rules -> LOG.info("threshold rules loaded from built-in {}", BUILT_IN));
    }
    return vertx.fileSystem().props(path)
        .compose(props -> {
          remember(props);
          return vertx.fileSystem().readFile(path);
        })
        .map(RulesFile::parse)
        .onSuccess(rules -> LOG.info("threshold rules loaded from {}", path))
        .recover(error -> Future.failedFuture(new ConfigException(
            "rules.path: cannot load clinical rules from " + path + ": " + error.getMessage())));
  }

  /** Checks the file every few seconds and hands each valid new version to {@code onChange}. */
  void watch(Consumer<ClinicalRules> onChange) {
    if (path == null) {
      return;
    }
    vertx.setPeriodic(CHECK_INTERVAL_MS, id -> vertx.fileSystem().props(path)
        .onFailure(error -> reject("cannot read it: " + error.getMessage()))
        .onSuccess(props -> {
          if (props.lastModifiedTime() == lastModified && props.size() == lastSize) {
            return;
          }
          remember(props);
          vertx.fileSystem().readFile(path)
              .map(RulesFile::parse)
              .onSuccess(rules -> {
                lastProblem = null;
                LOG.info("threshold rules reloaded from {}", path);
                onChange.accept(rules);
              })
              .onFailure(error -> reject(error.getMessage()));
        }));
  }

  private void remember(FileProps props) {
    lastModified = props.lastModifiedTime();
    lastSize = props.size();
  }

  private void reject(String problem) {
    if (!problem.equals(lastProblem)) {
      LOG.error("threshold rules file {} rejected, the rules in force stay in force: {}", path, problem);
    }
    lastProblem = problem;
  }

  /** The rules {@code buffer} holds, each of their {@link ThresholdRules#cautions()} logged. */
  private static ClinicalRules parse(Buffer buffer) {
    ClinicalRules rules = ClinicalRules.fromJson(new JsonObject(buffer));
    rules.thresholds().cautions().forEach(caution -> LOG.warn("rules: {}", caution));
    return rules;
  }

  private static Buffer readBuiltIn() throws Exception {
    try (var in = RulesFile.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }
}
