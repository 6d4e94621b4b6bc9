package org.wardwatch.clinical;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Shareable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Entries kept for a long time, each its encoded JSON, appended to chunks of about 1 MB instead of
 * kept as objects of their own: a standalone node's audit trail, and the alarm transitions of the trend view. Kept one
 * by one, every young collection copied each new entry twice (into a survivor space, then into the old generation),
 * which at high alarm rates made up much of the collector's pauses; a chunk is one object (G1 allocates it straight
 * in the old generation when it spans half a region or more) and holds about a thousand entries.
 *
 * <p>{@link #append} returns the entry's position, by which {@link #read} finds it again while its chunk is kept. The
 * oldest chunks go when the log would exceed its byte limit, and when {@link #dropBefore} is told all their entries
 * are older than wanted. Each entry is its time (epoch milliseconds, eight bytes: the transition's, or when the audit
 * entry was recorded), its length (four bytes) and its bytes; a zero length ends a chunk.
 *
 * <p>Thread-safe (a standalone node's verticles share its audit log, {@link Shareable} and never copied).
 */
final class ChunkedLog implements Shareable {

  /** A little under 1 MiB, so that a chunk and its array header fill one 1 MB G1 region rather than spill into two. */
  static final int CHUNK_BYTES = (1 << 20) - 64;
  private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;

  private final long maxBytes;
  /** Oldest first. */
  private final List<Chunk> chunks = new ArrayList<>();
  /** The number of the oldest chunk kept: positions name their chunk by number. */
  private int firstChunk;
  private long bytesKept;

  /** A log that keeps at most {@code maxBytes} of chunks (but always the one being appended to). */
  ChunkedLog(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  private static final class Chunk {
    final ByteBuffer bytes;
    long newestMillis = Long.MIN_VALUE;

    Chunk(int size) {
      bytes = ByteBuffer.wrap(new byte[size]);
    }
  }

  /**
   * Appends one entry of time {@code atMillis}.
   *
   * @return its position, for {@link #read}
   */
  synchronized long append(long atMillis, Buffer entry) {
    int length = entry.length();
    if (length == 0) {
      throw new IllegalArgumentException("an entry cannot be empty");
    }
    Chunk chunk = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
    if (chunk == null || chunk.bytes.remaining() < HEADER_BYTES + length) {
      chunk = new Chunk(Math.max(CHUNK_BYTES, HEADER_BYTES + length));
      chunks.add(chunk);
      bytesKept += chunk.bytes.capacity();
      while (bytesKept > maxBytes && chunks.size() > 1) {
        dropOldest();
      }
    }
    ByteBuffer bytes = chunk.bytes;
    int offset = bytes.position();
    bytes.putLong(atMillis).putInt(length);
    entry.getBytes(0, length, bytes.array(), bytes.position());
    bytes.position(bytes.position() + length);
    chunk.newestMillis = Math.max(chunk.newestMillis, atMillis);
    return (long) (firstChunk + chunks.size() - 1) << Integer.SIZE | offset;
  }

  /** How many chunks have been dropped since the log began. */
  synchronized int droppedChunks() {
    return firstChunk;
  }

  /** The most bytes of chunks kept. */
  long maxBytes() {
    return maxBytes;
  }

  /** The entry at {@code position}, or {@code null} when its chunk has been dropped. */
  synchronized Buffer read(long position) {
    int chunkIndex = (int) (position >>> Integer.SIZE) - firstChunk;
    if (chunkIndex < 0) {
      return null;
    }
    return entryAt(chunks.get(chunkIndex).bytes, (int) position);
  }

  /**
   * Hands every entry kept to {@code reader}, oldest first. Only which chunks there are, and how far the newest is
   * filled, is read under the lock; the entries, which never change once appended, are read after it, so a long read
   * (the REST API's audit query) does not hold up appends (the clinical engine's alarms).
   */
  void forEach(Consumer<Buffer> reader) {
    List<Chunk> kept;
    int newestEnd;
    synchronized (this) {
      kept = List.copyOf(chunks);
      newestEnd = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).bytes.position();
    }
    for (int i = 0; i < kept.size(); i++) {
      ByteBuffer bytes = kept.get(i).bytes;
      int end = i == kept.size() - 1 ? newestEnd : bytes.capacity();
      for (int at = 0; at + HEADER_BYTES <= end && bytes.getInt(at + Long.BYTES) > 0;
          at += HEADER_BYTES + bytes.getInt(at + Long.BYTES)) {
        reader.accept(entryAt(bytes, at));
      }
    }
  }

  /** Drops the oldest chunks whose entries are all older than {@code startMillis} (not the one appended to). */
  synchronized void dropBefore(long startMillis) {
    while (chunks.size() > 1 && chunks.get(0).newestMillis < startMillis) {
      dropOldest();
    }
  }

  private void dropOldest() {
    bytesKept -= chunks.remove(0).bytes.capacity();
    firstChunk++;
  }

  private static Buffer entryAt(ByteBuffer bytes, int offset) {
    return Buffer.buffer().appendBytes(bytes.array(), offset + HEADER_BYTES, bytes.getInt(offset + Long.BYTES));
  }
}
