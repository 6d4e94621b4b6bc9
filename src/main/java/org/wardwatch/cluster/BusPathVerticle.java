package org.wardwatch.cluster;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.Addresses;

/**
 * Verifies the clustered event bus end to end, because after a network partition heals its subscriptions can be
 * silently wrong: every {@link #PROBE_MS} this node sends a request to each other member's probe address. A reply
 * means the path works. {@code NO_HANDLERS} from a member that has answered before means the cluster lost that
 * member's subscriptions (from one that never has, that it is still deploying its verticles): this node files a
 * repair request for it in the shared map {@value #REPAIRS}, and each member that finds one for itself registers all
 * its {@link ClusterConsumers} again. Verdicts go to {@link BusPaths}, shown by {@code GET /health/ready}.
 */
public class BusPathVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BusPathVerticle.class);
  static final long PROBE_MS = 2_000;
  static final String REPAIRS = "wardwatch.bus-repairs";

  private final Membership membership;
  private final ClusterConsumers consumers;
  private final BusPaths paths;
  /** The members whose probe has answered at least once: subscribed, so a later NO_HANDLERS means they were lost. */
  private final Set<String> answered = new HashSet<>();

  public BusPathVerticle(Membership membership, ClusterConsumers consumers, BusPaths paths) {
    this.membership = membership;
    this.consumers = consumers;
    this.paths = paths;
  }

  @Override
  public Future<?> start() {
    if (membership.clustered()) {
      vertx.setPeriodic(PROBE_MS, id -> {
        probePeers();
        repairIfAsked();
      });
    }
    return consumers.consumer(Addresses.busProbe(membership.self()),
        message -> message.reply(new JsonObject().put("ok", true)));
  }

  private void probePeers() {
    List<String> members = membership.members();
    paths.retain(members);
    answered.retainAll(members);
    for (String member : members) {
      if (member.equals(membership.self())) {
        continue;
      }
      vertx.eventBus().request(Addresses.busProbe(member), new JsonObject(), new DeliveryOptions()
              .setSendTimeout(PROBE_MS))
          .onSuccess(reply -> {
            answered.add(member);
            paths.report(member, BusPaths.OK);
          })
          .onFailure(error -> {
            boolean noHandlers = error instanceof ReplyException reply
                && reply.failureType() == ReplyFailure.NO_HANDLERS;
            boolean subscriptionsLost = noHandlers && answered.contains(member);
            paths.report(member, (subscriptionsLost ? BusPaths.BROKEN : noHandlers ? BusPaths.STARTING
                : BusPaths.UNREACHABLE) + error.getMessage());
            if (subscriptionsLost) {
              LOG.warn("event-bus path to member {} broken (its subscriptions are missing); asking it to repair",
                  member);
              repairs().compose(map -> map.put(member, Instant.now().toString()));
            }
          });
    }
  }

  /** Registers this node's consumers again when another member found them missing. */
  private void repairIfAsked() {
    repairs().compose(map -> map.remove(membership.self())).onSuccess(asked -> {
      if (asked != null) {
        LOG.warn("this node's event-bus subscriptions were reported missing; registering them again");
        consumers.reRegister().onFailure(error -> LOG.error("re-registration failed", error));
      }
    });
  }

  private Future<AsyncMap<String, String>> repairs() {
    return vertx.sharedData().getAsyncMap(REPAIRS);
  }
}
