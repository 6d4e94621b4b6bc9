package org.wardwatch.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.MessageConsumerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's cluster-wide event-bus consumers, kept so they can be registered again. After a network partition heals,
 * the Vert.x clustered event bus can be left without some of a member's subscriptions (Hazelcast's merge keeps one
 * side's copy of the subscription map); the {@link BusPathVerticle} notices and calls {@link #reRegister()}. Every
 * cluster-wide consumer of the node is made here: the verticles' own, which end with them, and the browser fan-out's,
 * which end when their last screen leaves ({@link Kept#unregister()}).
 *
 * <p>Every consumer is registered again on the context (event loop) of the verticle that made it, so its handler keeps
 * running on that verticle's thread. Thread-safe: registrations are guarded by this object.
 */
public final class ClusterConsumers {

  /** One consumer, registered again after a partition until it is {@link #unregister() unregistered}. */
  public final class Kept {

    private final Context context;
    private final MessageConsumerOptions options;
    private final Handler<Message<Object>> handler;
    /** The consumer registered now; guarded by the enclosing {@link ClusterConsumers}, as is {@link #ended}. */
    private MessageConsumer<Object> consumer;
    private boolean ended;

    private Kept(Context context, MessageConsumerOptions options, Handler<Message<Object>> handler) {
      this.context = context;
      this.options = options;
      this.handler = handler;
    }

    /** Completes once the consumer registered now is registered. */
    public Future<Void> completion() {
      return current().completion();
    }

    /** Unregisters the consumer, which is not registered again. Called on the context that registered it. */
    public Future<Void> unregister() {
      MessageConsumer<Object> current;
      synchronized (ClusterConsumers.this) {
        ended = true;
        kept.remove(this);
        current = consumer;
      }
      return current.unregister();
    }

    /**
     * Registers it anew, on its own context, unless it was unregistered meanwhile or another pass registered it anew
     * first (two repairs asked for at once); completes once registered.
     */
    private Future<Void> registerAgain() {
      Promise<Void> registered = Promise.promise();
      context.runOnContext(ignored -> {
        MessageConsumer<Object> old = current();
        old.unregister().onComplete(unregistered -> {
          MessageConsumer<Object> again;
          synchronized (ClusterConsumers.this) {
            if (ended || consumer != old) {
              registered.complete();
              return;
            }
            consumer = again = vertx.eventBus().consumer(options, handler);
          }
          again.completion().onComplete(registered);
        });
      });
      return registered.future();
    }

    private MessageConsumer<Object> current() {
      synchronized (ClusterConsumers.this) {
        return consumer;
      }
    }
  }

  private final Vertx vertx;
  private final List<Kept> kept = new ArrayList<>();

  public ClusterConsumers(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Registers a cluster-wide consumer of {@code address} for the calling verticle; completes once registered. */
  public <T> Future<Void> consumer(String address, Handler<Message<T>> handler) {
    return keep(new MessageConsumerOptions().setAddress(address), handler).completion();
  }

  /**
   * Registers a cluster-wide consumer with {@code options} (address and buffer) for the calling verticle, to be
   * {@link Kept#unregister() unregistered} by it on the same context.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> Kept keep(MessageConsumerOptions options, Handler<Message<T>> handler) {
    Kept registration = new Kept(vertx.getOrCreateContext(), options, (Handler) handler);
    synchronized (this) {
      registration.consumer = vertx.eventBus().consumer(options, registration.handler);
      kept.add(registration);
    }
    return registration;
  }

  /** Unregisters and registers again every consumer, each on its own verticle's context. */
  public Future<Void> reRegister() {
    List<Kept> current;
    synchronized (this) {
      current = List.copyOf(kept);
    }
    List<Future<Void>> done = new ArrayList<>(current.size());
    current.forEach(registration -> done.add(registration.registerAgain()));
    return Future.all(done).mapEmpty();
  }
}
