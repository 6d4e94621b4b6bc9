package org.wardwatch.clinical;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wardwatch.testing.TestCluster;

/**
 * A one-member cluster for a test of the {@link PatientStore}: a real Hazelcast map, its member's clustered Vert.x,
 * and a context of it to call the store and its users on (they answer on a Vert.x context). Closed after the tests:
 * register it as a static extension ({@code @RegisterExtension}) to share one among a class's tests.
 */
final class StoreCluster implements AutoCloseable, AfterAllCallback {

  private final TestCluster cluster = new TestCluster();
  final Vertx vertx = cluster.joinWithoutNode();
  final HazelcastInstance hazelcast = TestCluster.hazelcastOf(vertx);
  final PatientStore store = PatientStore.of(hazelcast);
  private final Context context = vertx.getOrCreateContext();

  /** Empties the store between tests. */
  void clear() {
    hazelcast.getMap(PatientStore.MAP).clear();
  }

  /**
   * Stores the patient {@code previousOwner} holds as that member would before it died: claimed, then saved with its
   * state and snapshot.
   */
  void storedBy(WardState previousOwner, String patient) throws Exception {
    long epoch = await(() -> store.claim(patient)).epoch();
    await(() -> store.save(patient, epoch, previousOwner.state(patient).orElseThrow(),
        previousOwner.view().snapshot(patient).orElseThrow()));
  }

  /** Runs {@code call} on the member's context and waits for its answer. */
  <T> T await(Supplier<Future<T>> call) throws Exception {
    Promise<T> answer = Promise.promise();
    context.runOnContext(go -> call.get().onComplete(answer));
    return answer.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
