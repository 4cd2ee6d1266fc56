import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator for the records API (JDK only; run with {@code java RecordsLoad.java}).
 * Seeds an {@code orders} collection with a row rule and N rows for one tenant user, then runs three
 * workloads at C concurrent connections for S seconds each (after a warm-up): get by id, list
 * {@code status = "paid" && total > 100} sorted {@code -created_at} 20 per page, and create. Prints
 * one line per workload: requests, req/s, p50 and p99 in milliseconds, and non-2xx answers.
 * {@code BENCH_WORKLOADS} (e.g. {@code create,create}) chooses and repeats workloads,
 * {@code BENCH_BETWEEN_WORKLOADS} is a shell command run between them, {@code BENCH_AFTER_SEED} one
 * run after seeding.
 *
 * <p>Arguments: baseUrl superadminEmail superadminPassword [rows=20000] [connections=32] [seconds=20]
 */
public final class RecordsLoad {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String PASSWORD = "Bench!Tenant-pass1";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        Api api = new Api(http, base);

        String root = api.login("system", args[1], args[2]);
        String suffix = Long.toString(System.nanoTime(), 36);
        String collection = "orders";
        api.expect(api.send("POST", "/api/v1/collections", "{\"name\":\"" + collection + "\",\"fields\":["
                + "{\"name\":\"customer\",\"type\":\"text\"},{\"name\":\"status\",\"type\":\"text\"},"
                + "{\"name\":\"total\",\"type\":\"number\"},{\"name\":\"quantity\",\"type\":\"number\"}],"
                + "\"list_rule\":\"created_by = @request.auth.id\",\"view_rule\":\"created_by = @request.auth.id\","
                + "\"create_rule\":\"@request.auth.id != \\\"\\\"\"}", root), 201);
        String email = "bench-" + suffix + "@bench.example.com";
        String registered = api.expect(api.send("POST", "/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"account_name\":\"Bench " + suffix + "\"}", null), 201);
        String userId = first(ID, registered.substring(registered.indexOf("\"user\"")));
        String slug = "bench-" + suffix;
        api.expect(api.send("POST", "/api/v1/users/" + userId + "/verify", "{}", root), 200);
        String tenant = api.login(slug, email, PASSWORD);

        long seedStart = System.nanoTime();
        String[] statuses = {"paid", "open", "void", "refunded"};
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        runFor(connections, Long.MAX_VALUE, () -> {
            int i = next.getAndIncrement();
            if (i >= rows) {
                return false;
            }
            String body = "{\"customer\":\"customer " + i + "\",\"status\":\"" + statuses[i % 4] + "\",\"total\":" + (i % 500)
                    + ",\"quantity\":" + (1 + i % 9) + "}";
            ids.add(first(ID, api.expect(api.send("POST", "/api/v1/records/" + collection, body, tenant), 201)));
            return true;
        }, null);
        System.out.printf("seeded %d rows in %.1f s%n", ids.size(), (System.nanoTime() - seedStart) / 1e9);
        String afterSeed = System.getenv("BENCH_AFTER_SEED");
        if (afterSeed != null && !afterSeed.isBlank()) {
            // e.g. ANALYZE: a bulk load right before the run leaves the planner's statistics stale,
            // which autovacuum would fix within a minute on a live server
            new ProcessBuilder("sh", "-c", afterSeed).inheritIO().start().waitFor();
        }

        String[] all = ids.toArray(new String[0]);
        String list = "/api/v1/records/" + collection + "?limit=20&sort=-created_at&filter="
                + URLEncoder.encode("status = \"paid\" && total > 100", StandardCharsets.UTF_8);
        IntFunction<HttpRequest> get = n -> api.request("GET", "/api/v1/records/" + collection + "/" + all[n % all.length], null, tenant);
        IntFunction<HttpRequest> listing = n -> api.request("GET", list, null, tenant);
        IntFunction<HttpRequest> create = n -> api.request("POST", "/api/v1/records/" + collection,
                "{\"customer\":\"load " + n + "\",\"status\":\"paid\",\"total\":" + (n % 500) + ",\"quantity\":1}", tenant);
        java.util.Map<String, IntFunction<HttpRequest>> workloads = java.util.Map.of("get", get, "list", listing, "create", create);
        // BENCH_WORKLOADS picks and repeats workloads (default get,list,create); BENCH_BETWEEN_WORKLOADS is a
        // shell command run before each one after the first (audit-cost.sh turns auditing off with it)
        String chosen = System.getenv().getOrDefault("BENCH_WORKLOADS", "get,list,create");
        String between = System.getenv("BENCH_BETWEEN_WORKLOADS");
        boolean first = true;
        for (String name : chosen.split(",")) {
            IntFunction<HttpRequest> requests = workloads.get(name.strip());
            if (requests == null) {
                throw new IllegalArgumentException("Unknown workload " + name + "; known: get, list, create");
            }
            if (!first && between != null && !between.isBlank()
                    && new ProcessBuilder("sh", "-c", between).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("BENCH_BETWEEN_WORKLOADS failed: " + between);
            }
            first = false;
            measure(http, requests, connections, 3, null);
            Stats stats = new Stats();
            measure(http, requests, connections, seconds, stats);
            System.out.println(stats.report(name.strip(), connections, seconds));
        }
        System.exit(0);
    }

    private static void measure(HttpClient http, IntFunction<HttpRequest> requests, int connections, int seconds, Stats stats)
            throws Exception {
        AtomicInteger n = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        runFor(connections, deadline, () -> {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(requests.apply(n.incrementAndGet()), HttpResponse.BodyHandlers.ofString());
            if (stats != null) {
                stats.add(System.nanoTime() - start, answer.statusCode());
            }
            return true;
        }, null);
    }

    private interface Step {
        boolean run() throws Exception;
    }

    private static void runFor(int threads, long deadline, Step step, Object unused) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && step.run()) {
                    // closed loop: the next request starts when the answer is in
                }
                return null;
            }));
        }
        for (var f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    /** Latencies in microseconds and the count of non-2xx answers. */
    private static final class Stats {
        private long[] micros = new long[1 << 16];
        private int size;
        private final AtomicLong errors = new AtomicLong();

        synchronized void add(long nanos, int status) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = nanos / 1000;
            if (status < 200 || status >= 300) {
                errors.incrementAndGet();
            }
        }

        synchronized String report(String name, int connections, int seconds) {
            long[] sorted = Arrays.copyOf(micros, size);
            Arrays.sort(sorted);
            double p50 = size == 0 ? 0 : sorted[(int) (size * 0.50)] / 1000.0;
            double p99 = size == 0 ? 0 : sorted[Math.min(size - 1, (int) (size * 0.99))] / 1000.0;
            return String.format("workload=%s connections=%d requests=%d req_per_s=%.0f p50_ms=%.2f p99_ms=%.2f non_2xx=%d",
                    name, connections, size, size / (double) seconds, p50, p99, errors.get());
        }
    }

    /** Requests with JSON bodies and bearer tokens. */
    private record Api(HttpClient http, String base) {
        HttpRequest request(String method, String path, String json, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.build();
        }

        HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
            return http.send(request(method, path, json, token), HttpResponse.BodyHandlers.ofString());
        }

        String expect(HttpResponse<String> answer, int status) {
            if (answer.statusCode() != status) {
                throw new IllegalStateException(answer.request().uri() + " -> " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        String login(String account, String email, String password) throws Exception {
            String body = expect(send("POST", "/api/v1/auth/login", "{\"account\":\"" + account + "\",\"email\":\"" + email
                    + "\",\"password\":\"" + password + "\"}", null), 200);
            return first(TOKEN, body);
        }
    }
}
