package org.wardwatch.config;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS of one listener (config section {@code <listener>.tls}), in PEM files: {@code certPath}, the listener's
 * certificate followed by any intermediate ones; {@code keyPath}, its private key in PKCS#8 ({@code BEGIN PRIVATE
 * KEY}); and, for mutual TLS, {@code clientCaPath}, the certificates of the CAs whose certificates clients must present
 * (only devices holding one may connect). Checked when the configuration is read: a file missing or not PEM, or a key
 * that is not the certificate's, stops the node with the setting named rather than failing every handshake later.
 */
public record TlsConfig(String certPath, String keyPath, String clientCaPath) {

  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  /** The {@code tls} section of {@code listener}, or {@code null} when it has none: the listener is plain TCP. */
  public static TlsConfig from(ConfigSection listener) {
    ConfigSection tls = listener.section("tls");
    String cert = tls.readableFile("certPath");
    String key = tls.readableFile("keyPath");
    String clientCa = tls.readableFile("clientCaPath");
    if (cert == null && key == null && clientCa == null) {
      return null;
    }
    if (cert == null || key == null) {
      throw new ConfigException(tls.path() + ": needs both certPath and keyPath (PEM files)");
    }
    try {
      requireKeyOf(cert, key);
      if (clientCa != null) {
        certificates(clientCa, "clientCaPath");
      }
      return new TlsConfig(cert, key, clientCa);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigException(tls.path() + ": " + e.getMessage());
    }
  }

  /** True when clients must present a certificate from {@link #clientCaPath}. */
  public boolean mutual() {
    return clientCaPath != null;
  }

  /** How a listener with {@code tls} (which may be {@code null}) is reached, for its log line: "plain TCP", "TLS". */
  public static String describe(TlsConfig tls) {
    return tls == null ? "plain TCP" : tls.mutual() ? "mutual TLS" : "TLS";
  }

  /** {@code options} made to listen with TLS (Vert.x servers: the HL7 listener, the HTTP server). */
  public <T extends NetServerOptions> T secure(T options) {
    options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(certPath).setKeyPath(keyPath));
    if (mutual()) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(clientCaPath))
          .setClientAuth(io.vertx.core.http.ClientAuth.REQUIRED);
    }
    return options;
  }

  /** The server side of TLS for a Netty pipeline (the device server's own). */
  public SslContext nettyServerContext() throws IOException {
    SslContextBuilder builder = SslContextBuilder.forServer(new File(certPath), new File(keyPath));
    if (mutual()) {
      builder.trustManager(new File(clientCaPath)).clientAuth(ClientAuth.REQUIRE);
    }
    return builder.build();
  }

  /** Refuses a key that cannot sign what the certificate's public key verifies. */
  private static void requireKeyOf(String certPath, String keyPath) throws IOException, GeneralSecurityException {
    Certificate certificate = certificates(certPath, "certPath").get(0);
    PrivateKey key = privateKey(keyPath);
    byte[] probe = "wardwatch".getBytes(StandardCharsets.US_ASCII);
    String algorithm = switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> "SHA256with" + key.getAlgorithm();
    };
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(certificate);
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw new IllegalArgumentException("keyPath " + keyPath + " is not the private key of the certificate in "
          + "certPath " + certPath);
    }
  }

  private static List<? extends Certificate> certificates(String path, String setting)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      List<? extends Certificate> certificates = List.copyOf(
          CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(setting + " " + path + " holds no PEM certificate");
      }
      return certificates;
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalArgumentException(setting + " " + path + " holds no PEM certificate (" + e.getMessage() + ")");
    }
  }

  private static PrivateKey privateKey(String path) throws IOException {
    Matcher pem = PKCS8.matcher(Files.readString(Path.of(path), StandardCharsets.ISO_8859_1));
    if (!pem.find()) {
      throw new IllegalArgumentException("keyPath " + path + " holds no PKCS#8 key (\"BEGIN PRIVATE KEY\"); convert"
          + " one with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.group(1)));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next
      }
    }
    throw new IllegalArgumentException("keyPath " + path + " holds a key that is not RSA, EC or Ed25519");
  }
}
