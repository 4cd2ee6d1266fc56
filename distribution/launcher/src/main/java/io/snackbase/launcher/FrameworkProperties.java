package io.snackbase.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the Felix framework properties for an instance (stack.md §3.2 and §3.3). */
final class FrameworkProperties {

    /** Start level the framework reaches; plain bundles and FileInstall plugins live here (P3). */
    static final int BEGINNING_START_LEVEL = 3;

    private FrameworkProperties() {
    }

    static Map<String, String> of(LauncherSettings settings, ConsoleCredentials console) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("org.osgi.framework.storage", settings.dataDir().resolve("felix-cache").toString());
        // The bundle set comes from bundle/ on every start, so a cache left from an older build must not win.
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put("org.osgi.framework.startlevel.beginning", Integer.toString(BEGINNING_START_LEVEL));
        props.put("org.osgi.service.http.port", Integer.toString(settings.port()));

        props.put("felix.fileinstall.dir", settings.confDir() + "," + settings.pluginsDir());
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.bundles.new.start", "true");
        props.put("felix.fileinstall.start.level", Integer.toString(BEGINNING_START_LEVEL));
        // Console edits must not be written back into conf/*.cfg, where they would land next to $[env:...] secrets.
        props.put("felix.fileinstall.enableConfigSave", "false");

        // ConfigAdmin delivers nothing until the interpolation plugin is registered, so $[env:...] always resolves.
        props.put("felix.cm.config.plugins", "org.apache.felix.configadmin.plugin.interpolation");

        props.put("felix.webconsole.username", console.username());
        props.put("felix.webconsole.password", console.passwordHash());

        props.put("snackbase.home", settings.home().toString());
        props.put("snackbase.environment", settings.environment());
        return props;
    }
}
