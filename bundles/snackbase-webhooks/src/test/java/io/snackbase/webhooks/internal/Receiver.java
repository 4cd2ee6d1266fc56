package io.snackbase.webhooks.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/** A real webhook receiver on loopback (JDK HttpServer) that keeps every request and answers as told. */
public final class Receiver implements AutoCloseable {

    /** One received request: lower-case header names, the raw body, and when it arrived (System.nanoTime). */
    public record Request(Map<String, String> headers, byte[] rawBody, long arrivedNanos) {
        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // about 40 ms per exchange that has nothing to do with the code under test.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    // Not a CopyOnWriteArrayList: the latency bench adds thousands, and each add would copy them all.
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Integer> answer = request -> 200;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Request request = new Request(headers, exchange.getRequestBody().readAllBytes(), System.nanoTime());
            requests.add(request);
            int status = answer.apply(request);
            byte[] reply = status == 204 ? new byte[0] : ("answer " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    /** @return http://127.0.0.1:port/hook */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(Function<Request, Integer> answer) {
        this.answer = answer;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Waits until at least {@code count} requests matching the predicate arrived; fails after the timeout. */
    public List<Request> await(int count, Predicate<Request> which, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            // Filtered only once enough arrived at all: polling must not take the CPU the bench measures.
            if (requests.size() >= count) {
                List<Request> matching = requests().stream().filter(which).toList();
                if (matching.size() >= count) {
                    return matching;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Expected " + count + " requests within " + timeout + ", got "
                + requests().stream().filter(which).count() + " of " + requests.size());
    }

    public List<Request> await(int count) throws InterruptedException {
        return await(count, r -> true, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
