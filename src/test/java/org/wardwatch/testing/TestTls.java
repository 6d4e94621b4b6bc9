package org.wardwatch.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test certificates of {@code src/test/resources/tls} (its README says how they were made): the listener's
 * ({@code server}, for localhost and 127.0.0.1), a monitor's client certificate ({@code device}) and a stranger's, all
 * but the stranger's from the test CA; and TLS connections made with them.
 */
public final class TestTls {

  private static final char[] NO_PASSWORD = new char[0];

  private TestTls() {
  }

  /** The path of fixture {@code name} ({@code "server.pem"}) on disk, for a node's configuration. */
  public static String path(String name) {
    try {
      return Path.of(TestTls.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A listener's {@code tls} section with the test server certificate; with {@code mutual}, devices need one too. */
  public static JsonObject listener(boolean mutual) {
    JsonObject tls = new JsonObject().put("certPath", path("server.pem")).put("keyPath", path("server-key.pem"));
    return mutual ? tls.put("clientCaPath", path("ca.pem")) : tls;
  }

  /** Trust in the test CA, for Vert.x clients. */
  public static PemTrustOptions trustTheTestCa() {
    return new PemTrustOptions().addCertPath(path("ca.pem"));
  }

  /**
   * A TLS connection to 127.0.0.1:{@code port}, handshake done, trusting the test CA and presenting {@code client}'s
   * certificate ({@code "device"}, {@code "stranger"}) or none ({@code null}).
   *
   * @throws UncheckedIOException when the handshake fails
   */
  public static Socket connect(int port, String client) {
    return connect(port, client, null);
  }

  /** {@link #connect(int, String)} over TLS 1.2 offering only {@code cipherSuite}, or as the JDK chooses when null. */
  public static Socket connect(int port, String client, String cipherSuite) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(client == null ? null : keyManagers(client), trustManagers(), null);
      SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
      if (cipherSuite != null) {
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.setEnabledCipherSuites(new String[] {cipherSuite});
      }
      socket.startHandshake();
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static javax.net.ssl.TrustManager[] trustManagers() throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", certificate("ca.pem"));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory.getTrustManagers();
  }

  private static javax.net.ssl.KeyManager[] keyManagers(String client) throws IOException, GeneralSecurityException {
    String pem = Files.readString(Path.of(path(client + "-key.pem")));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(client, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)), NO_PASSWORD,
        new Certificate[] {certificate(client + ".pem")});
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  private static Certificate certificate(String name) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(Path.of(path(name)))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
