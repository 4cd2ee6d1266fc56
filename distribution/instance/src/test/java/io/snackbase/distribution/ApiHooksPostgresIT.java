package io.snackbase.distribution;

import io.snackbase.api.records.RecordOperations;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The commit-to-hook latency of {@link HookLatency} on PostgreSQL (a fresh database on the local test server). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiHooksPostgresIT {

    @Inject
    private BundleContext context;

    @Inject
    private RecordOperations records;

    @Configuration
    public Option[] config() throws Exception {
        String url = FilterFuzzIT.freshPostgresDatabase("snackbase_hooks_it");
        return PaxExamRuntime.options(Map.of("conf/io.snackbase.storage.jdbc.cfg", "url=" + url + "\n"),
                Map.of("snackbase.superadmin.email", ApiHooksIT.SUPERADMIN, "snackbase.superadmin.password", ApiHooksIT.PASSWORD));
    }

    @Test
    public void latencyFromCommitToTheHooksAction() throws Exception {
        Http http = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        HookLatency.measure(context, records, http, ApiHooksIT.root(http), "PostgreSQL");
    }
}
