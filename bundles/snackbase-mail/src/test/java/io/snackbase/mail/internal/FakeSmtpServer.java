package io.snackbase.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP server that speaks just enough of RFC 5321 (EHLO, AUTH PLAIN and LOGIN, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT) and records what a client sent, one connection at a time.
 */
final class FakeSmtpServer implements AutoCloseable {

    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> credentials = new CopyOnWriteArrayList<>();
    final List<String> mailFrom = new CopyOnWriteArrayList<>();
    final List<String> rcptTo = new CopyOnWriteArrayList<>();
    /** The DATA sections as they came over the wire: CRLF line ends, dot-stuffing still in place. */
    final List<String> rawData = new CopyOnWriteArrayList<>();

    private final ServerSocket server;
    private final boolean advertiseAuth;
    private final Thread thread;

    FakeSmtpServer(boolean advertiseAuth) throws IOException {
        this.advertiseAuth = advertiseAuth;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 fake.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                reply(out, advertiseAuth ? "250-fake.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME" : "250-fake.test\r\n250 8BITMIME");
            } else if (upper.startsWith("AUTH PLAIN")) {
                String initial = line.length() > "AUTH PLAIN ".length() ? line.substring("AUTH PLAIN ".length()) : null;
                if (initial == null) {
                    reply(out, "334 ");
                    initial = in.readLine();
                }
                credentials.add("PLAIN " + decode(initial).replace('\0', '|'));
                reply(out, "235 2.7.0 ok");
            } else if (upper.startsWith("AUTH LOGIN")) {
                reply(out, "334 VXNlcm5hbWU6");
                String user = decode(in.readLine());
                reply(out, "334 UGFzc3dvcmQ6");
                credentials.add("LOGIN " + user + "|" + decode(in.readLine()));
                reply(out, "235 2.7.0 ok");
            } else if (upper.startsWith("MAIL FROM:")) {
                mailFrom.add(line.substring("MAIL FROM:".length()).trim());
                reply(out, "250 ok");
            } else if (upper.startsWith("RCPT TO:")) {
                rcptTo.add(line.substring("RCPT TO:".length()).trim());
                reply(out, "250 ok");
            } else if (upper.equals("DATA")) {
                reply(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                String dataLine;
                while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                    data.append(dataLine).append("\r\n");
                }
                // The CRLF before the final dot belongs to the terminator (RFC 5321 4.1.1.4), not the message.
                rawData.add(data.length() >= 2 ? data.substring(0, data.length() - 2) : "");
                reply(out, "250 queued");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                reply(out, "250 ok");
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
