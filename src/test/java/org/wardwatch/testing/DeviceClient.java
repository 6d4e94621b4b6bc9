package org.wardwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A bedside device for tests: writes line frames (or raw bytes) and reads the gateway's answer lines.
 */
public final class DeviceClient extends TcpTestClient {

  private final BufferedReader in;

  public DeviceClient(int port) {
    super(port);
    in = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8));
  }

  /** A device on {@code socket}, connected already (over TLS: {@link TestTls#connect}). */
  public DeviceClient(Socket socket) {
    super(socket);
    in = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8));
  }

  /** Writes {@code text} exactly as given (include the line endings). */
  public DeviceClient send(String text) {
    return sendBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code text} and asserts that the gateway answers its frames with {@code answers}, in order. */
  public DeviceClient exchange(String text, String... answers) {
    send(text);
    for (String answer : answers) {
      assertEquals(answer, readLine(), () -> "answer to " + text.strip());
    }
    return this;
  }

  public DeviceClient sendBytes(byte[] bytes) {
    write(bytes);
    return this;
  }

  /** The next answer line if one comes within {@code timeout}, else empty; later lines are read as usual. */
  public Optional<String> readLineWithin(Duration timeout) {
    readTimeout(timeout);
    try {
      return Optional.ofNullable(in.readLine());
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      readTimeout(Duration.ofSeconds(10));
    }
  }

  /** The next answer line, or {@code null} when the gateway closed the connection. */
  public String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
