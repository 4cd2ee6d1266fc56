package io.snackbase.outbound.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way SnackBase POSTs to a user-supplied URL: Apache HttpClient 5 with pooled, reused connections, at
 * most {@code maxConnections} requests at a time ({@code maxPerHost} to one host, so a slow receiver cannot take
 * every connection), no redirects, no retries, no cookies, no proxy, and one timeout that bounds connecting,
 * waiting for a pooled connection, each read and the whole exchange. Every connection goes only to addresses that
 * pass the {@link OutboundPolicy} after resolution. Thread-safe; share one instance and {@link #close()} it when
 * the owning component stops.
 */
public final class OutboundHttp implements Closeable {

    /** Response bodies are cut to this many characters, as the webhooks contract stores them. */
    public static final int MAX_BODY_CHARS = 5000;

    private static final int MAX_BODY_BYTES = MAX_BODY_CHARS * 4;

    private final OutboundPolicy policy;
    private final Duration timeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /** A client using the system resolver. */
    public OutboundHttp(OutboundPolicy policy, Duration timeout, int maxConnections, int maxPerHost) {
        this(policy, timeout, maxConnections, maxPerHost, HostResolver.SYSTEM);
    }

    /** A client using the given resolver (tests point names at chosen addresses with it). */
    public OutboundHttp(OutboundPolicy policy, Duration timeout, int maxConnections, int maxPerHost,
            HostResolver resolver) {
        this.policy = policy;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedDnsResolver(policy, resolver))
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(Math.min(maxPerHost, maxConnections))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit).setSocketTimeout(limit)
                        .setTimeToLive(TimeValue.ofMinutes(5)).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("SnackBase")
                .build();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "snackbase-outbound-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
    }

    /** @return the policy every request of this client is checked against */
    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * POSTs {@code body} to {@code url} with exactly the given headers (the caller sets Content-Type). Blocks the
     * calling thread for at most about the timeout. A redirect is returned as its 3xx response, never followed.
     *
     * @return the response, whatever its status
     * @throws OutboundDeniedException when the URL or an address it resolves to is refused (nothing was sent)
     * @throws IOException             on a network error or timeout
     */
    public OutboundResponse post(String url, Map<String, String> headers, byte[] body) throws IOException {
        URI uri = policy.check(url);
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, null));
        // Socket timeouts bound each read only; a receiver trickling bytes is cut off by this deadline.
        ScheduledFuture<?> deadline = deadlines.schedule(post::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            try {
                String text = readCapped(response.getEntity(), post);
                return new OutboundResponse(response.getCode(), text, (System.nanoTime() - start) / 1_000_000);
            } finally {
                closeQuietly(response);
            }
        } catch (CheckedDnsResolver.Denied denied) {
            throw new OutboundDeniedException(denied.getMessage());
        } catch (IOException e) {
            if (post.isAborted()) {
                throw new IOException("Timed out after " + timeout.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Reads at most enough bytes for the stored prefix. A body read to its end lets the connection be reused; a
     * longer one is cut off by aborting the exchange, because closing its stream would read the rest.
     */
    private static String readCapped(HttpEntity entity, HttpPost post) throws IOException {
        if (entity == null) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = entity.getContent();
        byte[] buffer = new byte[8192];
        boolean ended = false;
        while (out.size() < MAX_BODY_BYTES) {
            int read = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY_BYTES - out.size()));
            if (read == -1) {
                ended = true;
                break;
            }
            out.write(buffer, 0, read);
        }
        if (ended) {
            in.close();
        } else {
            post.abort();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the status and body are already read; a failing close only loses the connection for reuse
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
