package org.wardwatch.config;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * TLS of a client of WardWatch's listeners (the simulator's devices, config section {@code simulator.tls}), in PEM
 * files: {@code trustPath}, the certificates it trusts (the listener's own, or its CA's); and, for a listener that
 * wants client certificates, {@code certPath} and {@code keyPath}, the client's certificate and PKCS#8 key. The
 * listener's name is not checked against its certificate: the simulator is aimed at an address, often 127.0.0.1,
 * that a hospital's certificate does not name.
 */
public record ClientTlsConfig(String trustPath, String certPath, String keyPath) {

  /** The {@code tls} section of {@code client}, or {@code null} when it has none. */
  public static ClientTlsConfig from(ConfigSection client) {
    ConfigSection tls = client.section("tls");
    String trust = tls.readableFile("trustPath");
    String cert = tls.readableFile("certPath");
    String key = tls.readableFile("keyPath");
    if (trust == null && cert == null && key == null) {
      return null;
    }
    if (trust == null || (cert == null) != (key == null)) {
      throw new ConfigException(tls.path() + ": needs trustPath, and certPath with keyPath or neither (PEM files)");
    }
    return new ClientTlsConfig(trust, cert, key);
  }

  /** A client that trusts the certificate a listener with {@code listener}'s TLS presents, and has none of its own. */
  public static ClientTlsConfig trusting(TlsConfig listener) {
    return new ClientTlsConfig(listener.certPath(), null, null);
  }

  /** True when the client presents a certificate of its own. */
  public boolean hasCertificate() {
    return certPath != null;
  }

  /** {@code options} made to connect with TLS. */
  public NetClientOptions secure(NetClientOptions options) {
    options.setSsl(true).setHostnameVerificationAlgorithm("")
        .setTrustOptions(new PemTrustOptions().addCertPath(trustPath));
    if (hasCertificate()) {
      options.setKeyCertOptions(new PemKeyCertOptions().setCertPath(certPath).setKeyPath(keyPath));
    }
    return options;
  }
}
