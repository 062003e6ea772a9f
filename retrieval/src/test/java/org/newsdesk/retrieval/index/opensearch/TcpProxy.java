package org.newsdesk.retrieval.index.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder in front of the test cluster that can be cut and restored on the same
 * port: the cluster going away and coming back, as a client sees it.
 */
final class TcpProxy implements AutoCloseable {
  private final URI target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  TcpProxy(URI target) throws IOException {
    this.target = target;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Accepts and forwards connections again, on the same port. */
  synchronized void start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = s;
    Thread.ofVirtual().start(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          Socket upstream = new Socket(target.getHost(), target.getPort());
          // A connection accepted just before a cut must not outlive it.
          synchronized (this) {
            if (s.isClosed()) {
              client.close();
              upstream.close();
              return;
            }
            open.add(client);
            open.add(upstream);
          }
          Thread.ofVirtual().start(() -> pump(client, upstream));
          Thread.ofVirtual().start(() -> pump(upstream, client));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  /** Refuses new connections and cuts the open ones. */
  synchronized void cut() throws IOException {
    server.close();
    for (Socket s : open) s.close();
    open.clear();
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the other side closed: the connection is over
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
