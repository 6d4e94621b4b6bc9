package org.wardwatch.clinical;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardwatch.bus.PatientSnapshot;

/**
 * The {@link PatientStore} of a clustered node: a Hazelcast map of one byte array a patient (rather than a tree of a
 * few hundred small objects, which the collector would copy at every young collection while each entry lives until
 * the patient's next write): the claim's epoch (8 bytes), then the entry's JSON, {@code {"state": complete patient
 * state, "snapshot": what browsers see}}, absent while the patient is claimed and not yet stored, and once it is
 * discharged. Claims and saves are entry processors, each done atomically on the member that holds the patient's
 * partition (and its backup), so a save checks the epoch and writes in one step; they are {@link DataSerializable},
 * sent without Java serialization's class descriptors.
 *
 * <p>Thread-safe (the map is); called on a Vert.x context, whose thread gets the answers.
 */
final class HazelcastPatientStore implements PatientStore {

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastPatientStore.class);
  private static final int EPOCH_BYTES = Long.BYTES;

  private final IMap<String, byte[]> map;

  HazelcastPatientStore(IMap<String, byte[]> map) {
    this.map = map;
  }

  /**
   * Says loudly when patients' stored state is gone: every copy of a partition lost at once (as many members as it
   * has copies died together), so no member can take its patients over with their alarms: one line per partition
   * lost, from each member that hears of it.
   */
  HazelcastPatientStore reportingLosses() {
    map.addPartitionLostListener(event -> LOG.error("the stored state of the patients in partition {} of {} is lost "
        + "(every copy of it was on members that are gone): their alarms, acknowledgements and device sequence "
        + "numbers start again from their next frames", event.getPartitionId(), map.getName()));
    return this;
  }

  @Override
  public Future<Claim> claim(String patientKey) {
    return onContext(map.submitToKey(patientKey, new ClaimEntry()))
        .map(entry -> new Claim(epochOf(entry), readState(patientKey, entry)));
  }

  @Override
  public Future<Void> save(String patientKey, long epoch, JsonObject state, PatientSnapshot snapshot) {
    byte[] entry = Buffer.buffer().appendLong(epoch).appendString("{\"state\":").appendBuffer(state.toBuffer())
        .appendString(",\"snapshot\":").appendBytes(snapshot.asciiJson()).appendString("}").getBytes();
    return fencedSave(patientKey, epoch, entry);
  }

  /** The entry becomes the bare epoch, as a claim not yet stored is. */
  @Override
  public Future<Void> discharge(String patientKey, long epoch) {
    return fencedSave(patientKey, epoch, ByteBuffer.allocate(EPOCH_BYTES).putLong(epoch).array());
  }

  private Future<Void> fencedSave(String patientKey, long epoch, byte[] entry) {
    return onContext(map.submitToKey(patientKey, new FencedSave(epoch, entry)))
        .compose(saved -> saved ? Future.succeededFuture() : Future.failedFuture(new Fenced(patientKey)));
  }

  @Override
  public Future<Optional<JsonObject>> snapshot(String patientKey) {
    return onContext(map.getAsync(patientKey)).map(entry -> body(entry).map(json -> json.getJsonObject("snapshot")));
  }

  @Override
  public Future<List<JsonObject>> snapshots() {
    return context().executeBlocking(() -> List.copyOf(map.values())).map(entries -> entries.stream()
        .map(HazelcastPatientStore::body).flatMap(Optional::stream).map(json -> json.getJsonObject("snapshot"))
        .toList());
  }

  @Override
  public Future<Set<String>> keys() {
    return context().executeBlocking(() -> Set.copyOf(map.keySet()));
  }

  /**
   * The state in a claimed entry; empty when none was stored, and when the stored one is not an object of JSON (it
   * can never be read, so the patient starts afresh rather than waiting for ever; logged).
   */
  private static Optional<JsonObject> readState(String patientKey, byte[] entry) {
    try {
      return body(entry).map(json -> json.getJsonObject("state"));
    } catch (DecodeException | ClassCastException unreadable) {
      LOG.error("[{}] stored state not readable; carrying on without it", patientKey, unreadable);
      return Optional.empty();
    }
  }

  /** The entry's JSON; empty for no entry and for a claim not yet stored. */
  private static Optional<JsonObject> body(byte[] entry) {
    if (entry == null || entry.length == EPOCH_BYTES) {
      return Optional.empty();
    }
    return Optional.of(Buffer.buffer(Arrays.copyOfRange(entry, EPOCH_BYTES, entry.length)).toJsonObject());
  }

  private static long epochOf(byte[] entry) {
    return ByteBuffer.wrap(entry).getLong();
  }


  /**
   * {@code stage}'s outcome, delivered in a later task of the caller's context, never within the caller's own task (a
   * local entry processor can finish before the caller attaches its handlers): the engine applies a batch's frames in
   * one task, and a write's fence handled within it would release the patient between two of its frames.
   */
  private static <T> Future<T> onContext(CompletionStage<T> stage) {
    Context context = context();
    Promise<T> promise = Promise.promise();
    stage.whenComplete((value, error) -> context.runOnContext(later -> {
      if (error != null) {
        promise.fail(error);
      } else {
        promise.complete(value);
      }
    }));
    return promise.future();
  }

  private static Context context() {
    return Objects.requireNonNull(Vertx.currentContext(), "the patient store is used on a Vert.x context");
  }

  /** The epoch of a stored value; 0 for none, and for a value that is no entry (another version's): claimed afresh. */
  private static long heldEpoch(Object held) {
    return held instanceof byte[] entry && entry.length >= EPOCH_BYTES ? epochOf(entry) : 0;
  }

  /**
   * Claims a patient: the next epoch, the stored JSON kept (none when the value held is no entry); answers the new
   * entry. Hazelcast runs it again on each backup, whose copy its per-partition ordering keeps the same as the
   * primary's. (Giving the backups the primary's bytes instead, as a processor of their own, let an old owner's save
   * through during partition moves: a duplicated reminder in two of three runs of EscalationDuringMoveCheck under
   * load.)
   */
  static final class ClaimEntry implements EntryProcessor<String, byte[], byte[]>, DataSerializable {
    @Override
    public void writeData(ObjectDataOutput out) {
      // nothing to send: the claim is made of the entry it finds
    }

    @Override
    public void readData(ObjectDataInput in) {
      // nothing sent
    }

    @Override
    public byte[] process(Map.Entry<String, byte[]> stored) {
      Object held = ((Map.Entry<?, ?>) stored).getValue();
      long epoch = heldEpoch(held) + 1;
      byte[] claimed = epoch > 1 ? ((byte[]) held).clone() : new byte[EPOCH_BYTES];
      ByteBuffer.wrap(claimed).putLong(0, epoch);
      stored.setValue(claimed);
      return claimed;
    }
  }

  /** Stores an entry when the stored epoch is still the saver's; answers whether it did (run on backups the same). */
  static final class FencedSave implements EntryProcessor<String, byte[], Boolean>, DataSerializable {
    private long epoch;
    private byte[] entry;

    /** For Hazelcast, which then reads the fields. */
    FencedSave() {
    }

    FencedSave(long epoch, byte[] entry) {
      this.epoch = epoch;
      this.entry = entry;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(epoch);
      out.writeByteArray(entry);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      epoch = in.readLong();
      entry = in.readByteArray();
    }

    @Override
    public Boolean process(Map.Entry<String, byte[]> stored) {
      boolean saved = heldEpoch(((Map.Entry<?, ?>) stored).getValue()) == epoch;
      if (saved) {
        stored.setValue(entry);
      }
      return saved;
    }

  }
}
