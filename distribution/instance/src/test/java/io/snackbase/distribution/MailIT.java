package io.snackbase.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.mail.MailTemplates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Sends a template through the SMTP transport inside the real runtime, to a loopback SMTP
 * responder: proves that Jakarta Mail, Angus Mail and Activation resolve and find their providers
 * and mailcap in OSGi, which a flat class path cannot show.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailIT {

    private static final String PORT_PROPERTY = "snackbase.it.smtp.port";

    @Inject
    private BundleContext context;

    @Inject
    private MailService mail;

    @Configuration
    public Option[] config() throws Exception {
        int port = InstanceLayout.freePort();
        return PaxExamRuntime.options(Map.of(
                "conf/io.snackbase.mail.cfg", "transport=smtp\nfromAddress=IT <it@snackbase.test>\nappName=SnackBase IT\n",
                "conf/io.snackbase.mail.smtp.cfg", "host=127.0.0.1\nport=" + port + "\nsecurity=none\n"),
                Map.of(PORT_PROPERTY, Integer.toString(port)));
    }

    @Test
    public void sendsATemplateOverSmtp() throws Exception {
        int port = Integer.parseInt(context.getProperty(PORT_PROPERTY));
        try (ServerSocket server = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> receive(server));
            MailDelivery delivery = null;
            // FileInstall applies conf/ asynchronously: until then the service still uses the log transport.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                delivery = mail.sendTemplate(MailTemplates.EMAIL_VERIFICATION, "ann@example.com",
                        Map.of("verification_url", "https://it.test/verify?t=1"), RequestContext.system("mail-it"));
                if ("smtp".equals(delivery.transport())) {
                    break;
                }
                Thread.sleep(250);
            }
            assertEquals(new MailDelivery(true, "smtp", null), delivery);
            String data = received.get(10, TimeUnit.SECONDS);
            assertTrue(data, data.contains("Subject: Verify your email for SnackBase IT"));
            assertTrue(data, data.contains("From: IT <it@snackbase.test>"));
            assertTrue(data, data.contains("multipart/alternative"));
            assertTrue(data, data.contains("text/html; charset=UTF-8"));
            assertTrue(data, data.contains("https://it.test/verify?t=1"));
        }
    }

    /** Answers one SMTP session and returns its DATA section. */
    private static String receive(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            StringBuilder data = new StringBuilder();
            reply(out, "220 it.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("EHLO")) {
                    reply(out, "250 it.test");
                } else if (line.equals("DATA")) {
                    reply(out, "354 go ahead");
                    while (!(line = in.readLine()).equals(".")) {
                        data.append(line).append('\n');
                    }
                    reply(out, "250 queued");
                } else if (line.equals("QUIT")) {
                    reply(out, "221 bye");
                    break;
                } else {
                    reply(out, "250 ok");
                }
            }
            return data.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(OutputStream out, String text) throws java.io.IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
