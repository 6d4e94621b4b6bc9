package org.wardwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A real, blocking TCP connection to a node's device port, for tests: raw writes, half-close, close, and noticing
 * the gateway closing. Subclasses add their protocol's reading ({@link DeviceClient}, {@link MllpClient}). Used from
 * the test thread, never from an event loop; every read times out after 10 s.
 */
abstract class TcpTestClient implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  TcpTestClient(int port) {
    this(plain(port));
  }

  /** A client on {@code socket}, connected already (a TLS one, say: {@link TestTls#connect}). */
  TcpTestClient(Socket socket) {
    this.socket = socket;
    try {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      out = socket.getOutputStream();
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Socket plain(int port) {
    try {
      return new Socket("127.0.0.1", port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes reads wait at most {@code timeout} (10 s unless set). */
  final void readTimeout(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The connection's input, for the subclass's reader. */
  final InputStream input() {
    return in;
  }

  /** Writes {@code bytes} exactly as given. */
  final void write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the gateway closes the connection within {@code timeout} (answers still pending are skipped). */
  public boolean closedWithin(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      while (in.read() != -1) {
        continue;
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Shuts down the sending side only, as {@code nc} or a monitor does at the end of its input. */
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
