package io.snackbase.distribution;

import static org.junit.Assert.assertTrue;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.records.RecordOperations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Measures the time from a record write's commit (RecordOperations.create has returned) to the
 * moment its event hook's action runs on a job worker, with a probe action type {@code it.probe},
 * and prints p50/p99. One write at a time, so each figure is the latency of an idle queue.
 */
final class HookLatency {

    static final int WARM_UP = 30;
    static final int WRITES = 200;

    private HookLatency() {}

    static void measure(BundleContext context, RecordOperations records, Http http, Map<String, String> root, String label)
            throws Exception {
        ApiHooksIT.collection(http, root, "it_latency");
        Map<String, Long> ranAt = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();
        ServiceRegistration<ActionType> probe = registerProbe(context, ranAt, latches);
        try {
            ApiHooksIT.createHook(http, root, "{\"name\":\"latency\",\"trigger\":{\"type\":\"event\",\"event\":\"records.create\","
                    + "\"collection\":\"it_latency\"},\"actions\":[{\"type\":\"it.probe\",\"key\":\"{{record.title}}\"}]}");
            List<Long> micros = new ArrayList<>();
            RequestContext system = RequestContext.system("latency-it");
            for (int i = 0; i < WARM_UP + WRITES; i++) {
                String key = "k" + i;
                CountDownLatch done = new CountDownLatch(1);
                latches.put(key, done);
                records.create("it_latency", Map.of("title", key), system);
                long committed = System.nanoTime();
                assertTrue("hook ran for " + key, done.await(10, TimeUnit.SECONDS));
                if (i >= WARM_UP) {
                    micros.add((ranAt.get(key) - committed) / 1_000);
                }
            }
            Collections.sort(micros);
            long p50 = micros.get(micros.size() / 2);
            long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
            System.out.printf("Hook latency commit -> hook action (%s, %d writes after %d warm-up): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    label, micros.size(), WARM_UP, p50 / 1000.0, p99 / 1000.0, micros.get(micros.size() - 1) / 1000.0);
            assertTrue("p50 " + p50 + " us", p50 < 1_000_000);
        } finally {
            probe.unregister();
        }
    }

    private static ServiceRegistration<ActionType> registerProbe(BundleContext context, Map<String, Long> ranAt,
            Map<String, CountDownLatch> latches) {
        ActionType action = new ActionType() {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of(ConfigProperty.requiredString("key", "Key", "The record's key."));
            }

            @Override
            public ActionResult execute(ActionContext ctx, Map<String, Object> config) {
                String key = ctx.render(String.valueOf(config.get("key")));
                ranAt.put(key, System.nanoTime());
                CountDownLatch latch = latches.get(key);
                if (latch != null) {
                    latch.countDown();
                }
                return ActionResult.ok();
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ActionConstants.ACTION_TYPE, "it.probe");
        return context.registerService(ActionType.class, action, props);
    }
}
