package org.wardwatch.bus;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What browsers see of one patient at one moment, as the clinical engine publishes it to the patient's
 * {@link Addresses#wardVitals}: the snapshot's JSON, encoded at most once and then shared, as it is, by every consumer
 * (a node-local one gets this object, another member its JSON; the SockJS fan-out copies the bytes into each frame
 * without decoding them). It is encoded when first asked for ({@link #asciiJson()}): a ward no browser watches costs no
 * encoding. The JSON is ASCII: every other character is written as its {@code \\uXXXX} escape, as a SockJS frame
 * needs. The clinical engine defines the document ({@link #of}).
 *
 * <p>Thread-safe: made on the engine's event loop, read on the fan-out's.
 */
public final class PatientSnapshot {

  private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** Room for a typical snapshot (about 1.3 KB), so that writing one does not grow the buffer. */
  private static final int TYPICAL_BYTES = 2048;
  /** A buffer grown past this by a rare large snapshot is not kept for the next. */
  private static final int KEPT_BYTES = 64 * 1024;
  /** Each thread's buffer to encode in, so a snapshot costs one exact copy of its bytes and no buffer of its own. */
  private static final ThreadLocal<ByteArrayOutputStream> SCRATCH =
      ThreadLocal.withInitial(() -> new ByteArrayOutputStream(TYPICAL_BYTES));

  /** Writes one JSON value with a Jackson generator, from data that no longer changes. */
  @FunctionalInterface
  public interface Document {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private final String patient;
  private final String ward;
  /** False for a notice (a discharge, a move away), which no later snapshot of the patient on its ward follows. */
  private final boolean supersedable;
  /** What to encode; null once encoded. */
  private Document document;
  private volatile byte[] ascii;
  private volatile String json;

  private PatientSnapshot(String patient, String ward, boolean supersedable, Document document, String json) {
    this.patient = patient;
    this.ward = ward;
    this.supersedable = supersedable;
    this.document = document;
    this.json = json;
  }

  /**
   * The snapshot of {@code patient} in {@code ward} that {@code document} writes when it is first needed, streamed (no
   * JSON tree is built); {@code document} must capture the values it writes, as they are now.
   */
  public static PatientSnapshot of(String patient, String ward, Document document) {
    return new PatientSnapshot(patient, ward, true, Objects.requireNonNull(document), null);
  }

  /**
   * A notice that {@code patient} left {@code ward}'s screens, discharged or moved to another ward, published in a
   * snapshot's place: see {@link #supersedable()}.
   */
  public static PatientSnapshot ofNotice(String patient, String ward, Document document) {
    return new PatientSnapshot(patient, ward, false, Objects.requireNonNull(document), null);
  }

  /** The patient's key. */
  public String patient() {
    return patient;
  }

  /** The ward whose browsers get it. */
  public String ward() {
    return ward;
  }

  /**
   * True when the patient's next snapshot says all this one does, so that a screen too slow for every snapshot may
   * skip it; false for a notice of a discharge or a move away, which nothing follows.
   */
  public boolean supersedable() {
    return supersedable;
  }

  /**
   * The snapshot's JSON in ASCII bytes, encoded on the first call: one object. Shared by every reader of this
   * snapshot, so never to be modified.
   */
  public byte[] asciiJson() {
    byte[] encoded = ascii;
    if (encoded == null) {
      synchronized (this) {
        if (ascii == null) {
          ascii = document == null ? asciiBytes(json) : encode(document);
          document = null;
        }
        encoded = ascii;
      }
    }
    return encoded;
  }

  /** The snapshot's JSON as text: one object, ASCII only. */
  public String json() {
    String text = json;
    if (text == null) {
      text = new String(asciiJson(), StandardCharsets.ISO_8859_1);
      json = text; // a racing reader may make an equal copy
    }
    return text;
  }

  /** The snapshot decoded, for readers that look into it (the REST API, tests). */
  public JsonObject toJson() {
    return new JsonObject(json());
  }

  /** {@code json} in ASCII bytes; a character outside ASCII (inside a string) becomes its {@code \\uXXXX} escape. */
  private static byte[] asciiBytes(String json) {
    StringBuilder text = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x80) {
        text.append(c);
      } else {
        text.append(String.format("\\u%04x", (int) c));
      }
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] encode(Document document) {
    ByteArrayOutputStream bytes = SCRATCH.get();
    bytes.reset();
    try (JsonGenerator json = ASCII_JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      document.writeTo(json);
    } catch (IOException e) {
      throw new EncodeException(e.getMessage(), e);
    }
    byte[] encoded = bytes.toByteArray();
    if (encoded.length > KEPT_BYTES) {
      SCRATCH.remove();
    }
    return encoded;
  }

  /** This snapshot as another member receives it ({@link RecordCodec}). */
  JsonObject toWire() {
    return new JsonObject().put("patient", patient).put("ward", ward).put("supersedable", supersedable)
        .put("json", json());
  }

  static PatientSnapshot fromWire(JsonObject wire) {
    return new PatientSnapshot(wire.getString("patient"), wire.getString("ward"),
        wire.getBoolean("supersedable", true), null, Objects.requireNonNull(wire.getString("json")));
  }

  /** Equal when of the same patient and ward with the same JSON (which encodes both). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PatientSnapshot snapshot && patient.equals(snapshot.patient)
        && ward.equals(snapshot.ward) && json().equals(snapshot.json());
  }

  @Override
  public int hashCode() {
    return Objects.hash(patient, ward, json());
  }

  @Override
  public String toString() {
    return json();
  }
}
