package org.wardwatch.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's cluster-wide event-bus consumers, kept so they can be registered again. After a network partition heals,
 * the Vert.x clustered event bus can be left without some of a member's subscriptions (Hazelcast's merge keeps one
 * side's copy of the subscription map); the {@link BusPathVerticle} notices and calls {@link #reRegister()}.
 *
 * <p>Every consumer is registered again on the context (event loop) of the verticle that made it, so its handler keeps
 * running on that verticle's thread. Thread-safe: registrations are guarded by this object.
 */
public final class ClusterConsumers {

  private record Registration(Context context, String address, Handler<Message<Object>> handler,
      MessageConsumer<Object> consumer) {
  }

  private final Vertx vertx;
  private final List<Registration> registrations = new ArrayList<>();

  public ClusterConsumers(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Registers a cluster-wide consumer of {@code address} for the calling verticle; completes once registered. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> Future<Void> consumer(String address, Handler<Message<T>> handler) {
    Handler<Message<Object>> untyped = (Handler) handler;
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, untyped);
    synchronized (this) {
      registrations.add(new Registration(vertx.getOrCreateContext(), address, untyped, consumer));
    }
    return consumer.completion();
  }

  /** Unregisters and registers again every consumer, each on its own verticle's context. */
  public Future<Void> reRegister() {
    List<Registration> current;
    synchronized (this) {
      current = List.copyOf(registrations);
      registrations.clear();
    }
    List<Future<Void>> done = new ArrayList<>();
    for (Registration old : current) {
      Promise<Void> registered = Promise.promise();
      old.context().runOnContext(ignored -> old.consumer().unregister().onComplete(unregistered -> {
        MessageConsumer<Object> again = vertx.eventBus().consumer(old.address(), old.handler());
        synchronized (this) {
          registrations.add(new Registration(old.context(), old.address(), old.handler(), again));
        }
        again.completion().onComplete(registered);
      }));
      done.add(registered.future());
    }
    return Future.all(done).mapEmpty();
  }
}
