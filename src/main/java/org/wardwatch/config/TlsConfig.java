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
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS of one listener (config section {@code <listener>.tls}), in PEM files: {@code certPath}, the listener's
 * certificate followed by any intermediate ones; {@code keyPath}, its private key in PKCS#8 ({@code BEGIN PRIVATE
 * KEY}); and, for mutual TLS, {@code clientCaPath}, the certificates of the CAs whose certificates clients must present
 * (only devices holding one may connect). Checked when the configuration is read: a file missing or not PEM, or a key
 * that is not the certificate's, stops the node with the setting named rather than failing every handshake later; a
 * certificate out of its dates is warned of.
 */
public record TlsConfig(String certPath, String keyPath, String clientCaPath) {

  private static final Logger LOG = LoggerFactory.getLogger(TlsConfig.class);
  /** The TLS versions a listener speaks: none older, whose weaknesses are known. */
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  /**
   * The cipher suites a listener takes: forward secrecy (ephemeral keys, so a key stolen later opens no recorded
   * traffic) and authenticated encryption only; TLS 1.3's, then TLS 1.2's with ECDHE and GCM or ChaCha20-Poly1305.
   */
  private static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  /** The key types both Netty's JDK TLS (the device server) and Vert.x's read from PKCS#8. */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");

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
      X509Certificate certificate = (X509Certificate) certificates(cert, "certPath").get(0);
      requireKeyOf(certificate, cert, key);
      warnUnlessValidNow(tls.path(), certificate, cert);
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
    options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(PROTOCOLS));
    CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
    if (mutual()) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(clientCaPath))
          .setClientAuth(io.vertx.core.http.ClientAuth.REQUIRED);
    }
    return options;
  }

  /** The server side of TLS for a Netty pipeline (the device server's own). */
  public SslContext nettyServerContext() throws IOException {
    SslContextBuilder builder = SslContextBuilder.forServer(new File(certPath), new File(keyPath))
        .protocols(PROTOCOLS).ciphers(CIPHER_SUITES);
    if (mutual()) {
      builder.trustManager(new File(clientCaPath)).clientAuth(ClientAuth.REQUIRE);
    }
    return builder.build();
  }

  /**
   * Warns when the listener's certificate is out of its validity dates: clients will refuse every connection (the node
   * starts all the same, as its other listeners may be fine).
   */
  private static void warnUnlessValidNow(String section, X509Certificate certificate, String certPath) {
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      LOG.warn("{}: the certificate in certPath {} is valid from {} to {} only: clients will refuse every connection",
          section, certPath, certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }
  }

  /** Refuses a key that cannot sign what {@code certificate}'s public key verifies. */
  private static void requireKeyOf(Certificate certificate, String certPath, String keyPath)
      throws IOException, GeneralSecurityException {
    PrivateKey key = privateKey(keyPath);
    byte[] probe = "wardwatch".getBytes(StandardCharsets.US_ASCII);
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    boolean matches;
    try {
      verifier.initVerify(certificate);
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException otherKind) { // an EC key for an RSA certificate, say
      matches = false;
    }
    if (!matches) {
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
    String text = Files.readString(Path.of(path), StandardCharsets.ISO_8859_1);
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new IllegalArgumentException("keyPath " + path + " holds an encrypted key: WardWatch needs it unencrypted"
          + " (readable by the node's user only); decrypt it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out "
          + "key.pem");
    }
    Matcher pem = PKCS8.matcher(text);
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
    throw new IllegalArgumentException("keyPath " + path + " holds a key that is neither RSA nor EC");
  }
}
