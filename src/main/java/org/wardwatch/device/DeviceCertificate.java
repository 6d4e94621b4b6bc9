package org.wardwatch.device;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The devices a connection's client certificate names, for a device server whose devices must be the ones their
 * certificates name ({@code devices.certificateNamesDevice}): the common name of its subject and its DNS subject
 * alternative names. Once the TLS handshake is done they are kept on the channel ({@link #NAMES}); before it, and for
 * a certificate that names none, the set is empty: the connection speaks for no device.
 *
 * <p>One per connection, in its Netty pipeline after the {@link SslHandler}.
 */
final class DeviceCertificate extends ChannelInboundHandlerAdapter {

  /** The names of the channel's certificate; absent when devices are not bound to their certificates. */
  static final AttributeKey<Set<String>> NAMES = AttributeKey.valueOf("wardwatch.certifiedDevices");
  private static final int DNS_NAME = 2;

  /** No device until the handshake says which: a frame read before it speaks for none. */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.channel().attr(NAMES).set(Set.of());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
      SslHandler tls = ctx.pipeline().get(SslHandler.class);
      ctx.channel().attr(NAMES).set(namesOf(tls));
    }
    super.userEventTriggered(ctx, event);
  }

  private static Set<String> namesOf(SslHandler tls) throws SSLPeerUnverifiedException {
    X509Certificate certificate = (X509Certificate) tls.engine().getSession().getPeerCertificates()[0];
    Set<String> names = new LinkedHashSet<>();
    try {
      for (Rdn part : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (part.getType().equalsIgnoreCase("CN")) {
          names.add(part.getValue().toString());
        }
      }
      if (certificate.getSubjectAlternativeNames() != null) {
        for (List<?> alternative : certificate.getSubjectAlternativeNames()) {
          if (alternative.get(0) instanceof Integer type && type == DNS_NAME) {
            names.add(alternative.get(1).toString());
          }
        }
      }
    } catch (InvalidNameException | CertificateParsingException e) {
      names.clear(); // a name that cannot be read names no device
    }
    return Set.copyOf(names);
  }
}
