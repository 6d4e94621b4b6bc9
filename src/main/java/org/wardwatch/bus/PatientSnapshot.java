package org.wardwatch.bus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;

/**
 * What browsers see of one patient at one moment, as the clinical engine publishes it to the patient's
 * {@link Addresses#wardVitals}: the snapshot's JSON, encoded once when the patient changed and then shared, as it is,
 * by every consumer (a node-local one gets this object, another member its JSON; the SockJS fan-out puts the text into
 * each frame without decoding it). The JSON is ASCII: every other character is written as its {@code \\uXXXX} escape,
 * as a SockJS frame needs. Built with {@link #encode}; the clinical engine defines the document.
 *
 * @param patient the patient's key
 * @param ward    the ward whose browsers get it
 * @param json    one JSON object, ASCII only
 */
public record PatientSnapshot(String patient, String ward, String json) {

  private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** Room for a typical snapshot (about 1.3 KB), so that writing one does not grow the buffer. */
  private static final int TYPICAL_CHARS = 2048;

  /** Writes one JSON value with a Jackson generator. */
  @FunctionalInterface
  public interface Document {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** The snapshot of {@code patient} in {@code ward} that {@code document} writes, streamed: no tree is built. */
  public static PatientSnapshot encode(String patient, String ward, Document document) {
    StringWriter text = new StringWriter(TYPICAL_CHARS);
    try (JsonGenerator json = ASCII_JSON.createGenerator(text)) {
      document.writeTo(json);
    } catch (IOException e) {
      throw new EncodeException(e.getMessage(), e);
    }
    return new PatientSnapshot(patient, ward, text.toString());
  }

  /** The snapshot decoded, for readers that look into it (the REST API, the store, tests). */
  public JsonObject toJson() {
    return new JsonObject(json);
  }

  /** This snapshot as another member receives it ({@link RecordCodec}). */
  JsonObject toWire() {
    return new JsonObject().put("patient", patient).put("ward", ward).put("json", json);
  }

  static PatientSnapshot fromWire(JsonObject wire) {
    return new PatientSnapshot(wire.getString("patient"), wire.getString("ward"), wire.getString("json"));
  }
}
