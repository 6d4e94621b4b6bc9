package org.wardwatch.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.wardwatch.bus.PatientSnapshot;

/**
 * The frames of the SockJS protocol that {@link SockJsWebSocket} sends: {@link #OPEN}, {@link #HEARTBEAT},
 * {@link #messages} (or {@link #recFrame}, several of them {@link #joined}) and {@link #close}; what a browser sends is
 * read by {@link BrowserFrames}. A message given as text is escaped exactly as Vert.x's SockJS codec escapes it, in one
 * pass rather than the codec's several copies; one given as JSON is encoded and escaped in the same pass. Pure
 * functions.
 */
final class SockJsFrames {

  static final String OPEN = "o";
  static final String HEARTBEAT = "h";

  /** Vert.x's JSON encoding, but ASCII only: every other character as its {@code \\uXXXX} escape, as SockJS asks. */
  private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /**
   * Each thread's buffer to encode in, grown as frames need; a frame is one exact copy of it. One grown past
   * {@link JsonStringContent#KEPT_BYTES} by a rare large message is not kept for the next.
   */
  private static final ThreadLocal<JsonStringContent> SCRATCH = ThreadLocal.withInitial(JsonStringContent::new);
  /** A {@code rec} message's JSON up to its address's text, and from there to its body. */
  private static final String REC_START = "{\"type\":\"rec\",\"address\":\"";
  private static final String REC_BODY = "\",\"body\":";

  private SockJsFrames() {
  }

  /**
   * The frame that carries {@code message}: {@code a["<message>"]}, the message escaped with JSON's escapes, and every
   * character outside ASCII as {@code \\uXXXX}, as SockJS asks.
   */
  static String messages(String message) {
    StringBuilder frame = new StringBuilder(message.length() + message.length() / 8 + 8).append("a[\"");
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '"' -> frame.append("\\\"");
        case '\\' -> frame.append("\\\\");
        case '\n' -> frame.append("\\n");
        case '\r' -> frame.append("\\r");
        case '\t' -> frame.append("\\t");
        case '\b' -> frame.append("\\b");
        case '\f' -> frame.append("\\f");
        default -> {
          if (c < ' ' || c >= JsonStringContent.NON_ASCII) {
            JsonStringContent.appendUnicodeEscape(frame, c);
          } else {
            frame.append(c);
          }
        }
      }
    }
    return frame.append("\"]").toString();
  }

  /**
   * The messages frame, in ASCII bytes, that carries the event-bus bridge's {@code rec} message of {@code body}
   * published to {@code address}: what {@link #messages} makes of the message's JSON, but with the characters outside
   * ASCII escaped inside the JSON rather than in the frame (the same message to a browser), and made in one pass: no
   * encoded copy of the message is kept. {@code body} is Vert.x JSON, or a {@link PatientSnapshot}, whose JSON goes in
   * as it is.
   */
  static byte[] recFrame(String address, Object body) {
    JsonStringContent frame = SCRATCH.get();
    frame.reset();
    frame.appendAscii("a[\"");
    if (body instanceof PatientSnapshot snapshot) {
      frame.write(REC_START);
      frame.write(JsonStringEncoder.getInstance().quoteAsString(address));
      frame.write(REC_BODY);
      frame.writeAscii(snapshot.asciiJson());
      frame.write('}');
    } else {
      writeRec(frame, address, body);
    }
    frame.appendAscii("\"]");
    return frame.toBytes();
  }

  /**
   * The bridge's {@code rec} message of {@code body} published to {@code address}, as JSON in ASCII, for the
   * transports that frame messages themselves; {@code body} as for {@link #recFrame}.
   */
  static Buffer recMessage(String address, Object body) {
    StringWriter message = new StringWriter(4096);
    writeRec(message, address, body);
    return Buffer.buffer(message.toString());
  }

  /** Writes the {@code rec} message as {@link #recFrame} makes it, with Jackson. */
  private static void writeRec(Writer out, String address, Object body) {
    // A snapshot not yet encoded is encoded first: its generator would otherwise find this thread's recycled Jackson
    // buffer in use by this one's and allocate another.
    String snapshotJson = body instanceof PatientSnapshot snapshot ? snapshot.json() : null;
    try (JsonGenerator json = ASCII_JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "rec");
      json.writeStringField("address", address);
      json.writeFieldName("body");
      if (snapshotJson != null) {
        json.writeRawValue(snapshotJson);
      } else {
        JacksonCodec.encodeJson(body, json);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new EncodeException(e.getMessage(), e);
    }
  }

  /**
   * One frame that carries the messages of {@code frames}, in order: each a messages frame in ASCII, as
   * {@link #recFrame} makes them.
   */
  static byte[] joined(List<byte[]> frames) {
    byte[] joined = new byte[frames.stream().mapToInt(frame -> frame.length - 2).sum() + 2];
    joined[0] = 'a';
    int at = 1;
    byte separator = '[';
    for (byte[] frame : frames) {
      joined[at++] = separator;
      separator = ',';
      System.arraycopy(frame, 2, joined, at, frame.length - 3);
      at += frame.length - 3;
    }
    joined[at] = ']';
    return joined;
  }

  /** The frame that says the server closes the session. */
  static String close(int code, String reason) {
    return "c[" + code + ",\"" + reason + "\"]";
  }
}
