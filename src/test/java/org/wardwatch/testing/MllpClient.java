package org.wardwatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A monitor speaking HL7 over MLLP, for tests: writes messages framed {@code 0x0B … 0x1C 0x0D} (or raw bytes) and
 * reads the framed acknowledgements.
 */
public final class MllpClient extends TcpTestClient {

  public static final byte START = 0x0B;
  public static final byte END = 0x1C;
  public static final byte CR = 0x0D;

  private final InputStream in;

  public MllpClient(int port) {
    super(port);
    in = input();
  }

  /** A sender on {@code socket}, connected already (over TLS: {@link TestTls#connect}). */
  public MllpClient(Socket socket) {
    super(socket);
    in = input();
  }

  /** {@code message} framed for MLLP. */
  public static byte[] frame(String message) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[text.length + 3];
    framed[0] = START;
    System.arraycopy(text, 0, framed, 1, text.length);
    framed[text.length + 1] = END;
    framed[text.length + 2] = CR;
    return framed;
  }

  /** Sends {@code message} in one MLLP frame. */
  public MllpClient send(String message) {
    return sendBytes(frame(message));
  }

  /** Writes {@code bytes} exactly as given. */
  public MllpClient sendBytes(byte[] bytes) {
    write(bytes);
    return this;
  }

  /** The next acknowledgement, unframed, or {@code null} when the gateway closed the connection. */
  public String readAck() {
    try {
      int b = in.read();
      while (b != START) {
        if (b == -1) {
          return null;
        }
        b = in.read();
      }
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      for (b = in.read(); b != END; b = in.read()) {
        if (b == -1) {
          throw new IllegalStateException("Connection closed inside an acknowledgement: " + ack);
        }
        ack.write(b);
      }
      if (in.read() != CR) {
        throw new IllegalStateException("Acknowledgement frame not ended by 0x1C 0x0D: " + ack);
      }
      return ack.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
