package io.snackbase.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Installs every jar of {@code bundle/} into an initialised framework, with its start level, and marks it to start. */
final class BundleDeployer {

    private BundleDeployer() {
    }

    /**
     * Installs the jars in file-name order and marks every non-fragment bundle persistently started.
     * Fragments are only installed: they attach to their host and cannot be started.
     *
     * @return the installed bundles
     */
    static List<Bundle> deployAll(BundleContext context, Path bundleDir) throws IOException, BundleException,
            LauncherException {
        if (!Files.isDirectory(bundleDir)) {
            throw new LauncherException("no bundle folder at " + bundleDir + "; is SNACKBASE_HOME right?");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            // "reference:" makes Felix read the jar in place instead of copying ~30 MB into the cache on every start.
            installed.add(context.installBundle("reference:" + jar.toUri()));
        }
        for (Bundle bundle : installed) {
            bundle.adapt(BundleStartLevel.class).setStartLevel(StartLevels.forSymbolicName(bundle.getSymbolicName()));
            if (!isFragment(bundle)) {
                // Before framework.start() this only records the autostart; the start level then starts it in order.
                bundle.start();
            }
        }
        return installed;
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
