package io.snackbase.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import io.snackbase.launcher.StartLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Turns the jars of the instance's {@code bundle/} folder into Pax Exam provisioning options, following the
 * launcher's start levels; fragments are provisioned but not started, since Pax Exam would fail on them (P19).
 *
 * <p>One shift: Pax Exam starts its own bundles at level 2, and they log through slf4j. Were logback still
 * waiting at level 2, slf4j would bind to NOP for the whole run (P3). So the logging bundles go to level 1
 * too, provisioned after SPI Fly and ASM; Felix starts the bundles of one level in install order.
 */
final class RuntimeBundleOptions {

    private RuntimeBundleOptions() {
    }

    static List<Option> fromFolder(Path bundleDir) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no bundles in " + bundleDir + "; was the instance assembled?");
        }
        List<Provisioned> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(Provisioned.of(jar));
        }
        bundles.sort(Comparator.comparingInt(Provisioned::launcherLevel));
        List<Option> options = new ArrayList<>();
        for (Provisioned provisioned : bundles) {
            int level = provisioned.launcherLevel() == StartLevels.LOGGING ? StartLevels.WEAVING
                    : provisioned.launcherLevel();
            options.add(bundle(provisioned.jar().toUri().toString()).startLevel(level).start(!provisioned.fragment()));
        }
        return options;
    }

    /** One jar of {@code bundle/} with what its manifest says about how to start it. */
    private record Provisioned(Path jar, int launcherLevel, boolean fragment) {

        static Provisioned of(Path jar) throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                Attributes manifest = file.getManifest().getMainAttributes();
                String symbolicName = manifest.getValue("Bundle-SymbolicName").split(";")[0].trim();
                return new Provisioned(jar, StartLevels.forSymbolicName(symbolicName),
                        manifest.getValue("Fragment-Host") != null);
            }
        }
    }
}
