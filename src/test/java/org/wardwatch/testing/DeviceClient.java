package org.wardwatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A bedside device for tests: a real, blocking TCP socket that writes raw bytes and reads answer lines. Used from the
 * test thread, never from an event loop.
 */
public final class DeviceClient implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final BufferedReader in;

  public DeviceClient(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      out = socket.getOutputStream();
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} exactly as given (include the line endings). */
  public DeviceClient send(String text) {
    return sendBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public DeviceClient sendBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** True when the gateway closes the connection within {@code timeout} (answers still pending are skipped). */
  public boolean closedWithin(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      while (in.readLine() != null) {
        continue;
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Shuts down the sending side only, as {@code nc} does at the end of its input. */
  public void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
