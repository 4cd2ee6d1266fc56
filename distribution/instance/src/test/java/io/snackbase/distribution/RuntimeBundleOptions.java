package io.snackbase.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import io.snackbase.launcher.StartLevels;
import org.ops4j.pax.exam.Option;

/**
 * Turns the jars of the instance's {@code bundle/} folder into Pax Exam provisioning options with the
 * launcher's own start levels; fragments are provisioned but not started, since Pax Exam would fail on them (P19).
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
        List<Option> options = new ArrayList<>();
        for (Path jar : jars) {
            Attributes manifest = manifestOf(jar);
            String symbolicName = manifest.getValue("Bundle-SymbolicName").split(";")[0].trim();
            boolean fragment = manifest.getValue("Fragment-Host") != null;
            options.add(bundle(jar.toUri().toString()).startLevel(StartLevels.forSymbolicName(symbolicName)).start(!fragment));
        }
        return options;
    }

    private static Attributes manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }
}
