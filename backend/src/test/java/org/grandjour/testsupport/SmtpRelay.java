package org.grandjour.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP relay to the development mail server's SMTP port (GreenMail), that a test cuts and restores:
 * cut, the backend's mails meet a real refused connection (a mail server down), restored, they go through
 * to GreenMail as usual. The backend is pointed at it by a test profile ({@link #port()}).
 */
public final class SmtpRelay {
    private static final String PORT_PROPERTY = "grandjour.test.smtp-relay-port";
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    /** The relay's port, the same in every class loader of the test JVM (system properties are JVM-wide). */
    public static int port() {
        return Integer.parseInt(System.getProperties().computeIfAbsent(PORT_PROPERTY, k -> {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return String.valueOf(s.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toString());
    }

    static int smtpPort() {
        return Integer.parseInt(System.getenv().getOrDefault("GJ_MAIL_SMTP_PORT", "3025"));
    }

    /** Accepts and relays (again); does nothing if already up. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
        server = s;
        Thread accept = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket smtp;
                    try {
                        smtp = new Socket(InetAddress.getLoopbackAddress(), smtpPort());
                    } catch (IOException e) {
                        close(client);
                        continue;
                    }
                    open.add(client);
                    open.add(smtp);
                    pump(client, smtp);
                    pump(smtp, client);
                } catch (IOException e) {
                    // closed by stop(), or GreenMail refused: the client sees its connection end
                }
            }
        }, "smtp-relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Refuses new connections and ends the open ones (pooled SMTP connections included). */
    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "smtp-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
        open.remove(s);
    }
}
