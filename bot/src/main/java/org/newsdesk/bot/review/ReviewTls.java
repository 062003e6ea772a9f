package org.newsdesk.bot.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;

/**
 * The review page's HTTPS listener: Jetty's own TLS over the configured keystore, with the
 * certificate's host name not checked against the address asked for (moderators reach the page
 * by IP as often as by name; their browser checks the certificate).
 */
final class ReviewTls {
  private ReviewTls() {}

  /**
   * Opens the keystore once before starting, so a wrong path or password is one sentence, not a
   * Jetty stack trace; the password never appears in it.
   */
  static void check(Path keystore, Optional<Secret> password) {
    String setting = "newsdesk.review.keystore";
    if (!Files.isRegularFile(keystore)) {
      throw new ConfigException(setting + " names no file: " + keystore);
    }
    try {
      KeyStore.getInstance(keystore.toFile(), password.map(p -> p.value().toCharArray()).orElse(new char[0]));
    } catch (NoSuchFileException e) {
      throw new ConfigException(setting + " names no file: " + keystore);
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("cannot open the keystore " + keystore + " (" + setting + "): "
          + (password.isEmpty() ? "set " + ReviewConfig.KEYSTORE_PASSWORD_ENV + " to its password"
              : "wrong " + ReviewConfig.KEYSTORE_PASSWORD_ENV + ", or not a PKCS12 or JKS keystore"));
    }
  }

  static Connector connector(Server server, HttpConfiguration http, Path keystore, Optional<Secret> password,
                             String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toString());
    password.ifPresent(p -> ssl.setKeyStorePassword(p.value()));
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
