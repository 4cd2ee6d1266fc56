package io.snackbase.distribution;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam options that boot the real runtime bundle set of {@code target/snackbase/bundle/}
 * the way our launcher does: Pax Exam does not use the launcher, so its start levels and framework
 * properties are repeated here. Each boot gets its own home with {@code conf/} (the shipped files
 * plus any the test adds) and an empty {@code plugins/}, exposed as {@code snackbase.it.plugins}.
 */
final class PaxExamRuntime {

    private PaxExamRuntime() {}

    /**
     * @param extraFiles file path relative to the home (e.g. {@code conf/x.cfg}) to content
     * @param extraProperties further framework properties
     */
    static Option[] options(Map<String, String> extraFiles, Map<String, String> extraProperties) throws IOException {
        Path instance = InstanceLayout.instanceDir();
        Path home = Files.createTempDirectory("snackbase-paxexam-");
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path tmp = Files.createDirectories(home.resolve("data").resolve("tmp"));
        try (var shipped = Files.list(instance.resolve("conf"))) {
            for (Path cfg : shipped.toList()) {
                Files.copy(cfg, conf.resolve(cfg.getFileName()));
            }
        }
        for (Map.Entry<String, String> file : extraFiles.entrySet()) {
            Files.writeString(home.resolve(file.getKey()), file.getValue());
        }

        List<Option> options = new ArrayList<>(List.of(
                cleanCaches(true),
                junitBundles(),
                // Our bundles use levels 1-3 as in the launcher; Pax Exam puts its probe at level 5.
                frameworkStartLevel(Constants.START_LEVEL_TEST_BUNDLE),
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(InstanceLayout.freePort())),
                frameworkProperty("felix.fileinstall.dir").value(conf + "," + plugins),
                frameworkProperty("felix.fileinstall.poll").value("500"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.bundles.new.start").value("true"),
                frameworkProperty("felix.fileinstall.start.level").value("3"),
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
                frameworkProperty("felix.cm.config.plugins").value("org.apache.felix.configadmin.plugin.interpolation"),
                frameworkProperty("snackbase.home").value(home.toString()),
                frameworkProperty("snackbase.environment").value("development"),
                frameworkProperty("snackbase.it.plugins").value(plugins.toString()),
                systemProperty("org.sqlite.tmpdir").value(tmp.toString()),
                systemProperty("logback.configurationFile").value(
                        Path.of("src/test/resources/logback-it.xml").toAbsolutePath().toString())));
        extraProperties.forEach((name, value) -> options.add(frameworkProperty(name).value(value)));
        options.addAll(RuntimeBundleOptions.fromFolder(instance.resolve("bundle")));
        return options.toArray(new Option[0]);
    }
}
