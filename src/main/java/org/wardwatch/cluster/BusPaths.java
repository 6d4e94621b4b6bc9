package org.wardwatch.cluster;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last verdict on the event-bus path from this node to each other member: {@code "ok"}, {@code "broken: why"}
 * (subscriptions lost), {@code "unreachable: why"} (no answer in time) or {@code "starting: why"} (no subscriptions
 * yet, from a member that has never answered). Written by the
 * {@link BusPathVerticle}, read by {@code GET /health/ready}. Thread-safe.
 */
public final class BusPaths {

  static final String OK = "ok";
  /** The member is in the cluster but the bus has no subscription for it: the node is not ready until repaired. */
  static final String BROKEN = "broken: ";
  /** No answer in time: a member dying or overloaded; Hazelcast's failure detector decides, readiness does not. */
  static final String UNREACHABLE = "unreachable: ";
  /** A member that joined and has not answered yet: still deploying its verticles, so not yet subscribed. */
  static final String STARTING = "starting: ";

  private final Map<String, String> verdicts = new TreeMap<>();

  synchronized void report(String member, String verdict) {
    verdicts.put(member, verdict);
  }

  /** Forgets the members that are no longer in the cluster. */
  synchronized void retain(Collection<String> members) {
    verdicts.keySet().retainAll(members);
  }

  /** True unless a path is {@link #BROKEN}. */
  public synchronized boolean noneBroken() {
    return verdicts.values().stream().noneMatch(verdict -> verdict.startsWith(BROKEN));
  }

  /** {@code {"<member>": verdict}}. */
  public synchronized JsonObject toJson() {
    JsonObject json = new JsonObject();
    verdicts.forEach(json::put);
    return json;
  }
}
