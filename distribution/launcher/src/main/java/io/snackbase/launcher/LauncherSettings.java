package io.snackbase.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The instance settings read from the environment: home folder, HTTP port and environment name. */
record LauncherSettings(Path home, int port, String environment) {

    static final int DEFAULT_PORT = 8090;
    static final String PRODUCTION = "production";
    static final String DEVELOPMENT = "development";

    /**
     * Reads {@code SNACKBASE_HOME}, {@code SNACKBASE_PORT} and {@code SNACKBASE_ENVIRONMENT}; blank means unset.
     *
     * @param defaultHome the home to use when {@code SNACKBASE_HOME} is unset
     * @throws LauncherException when a value is present but not valid
     */
    static LauncherSettings fromEnvironment(Map<String, String> env, Path defaultHome) throws LauncherException {
        String homeValue = value(env, "SNACKBASE_HOME");
        Path home = (homeValue == null ? defaultHome : Path.of(homeValue)).toAbsolutePath().normalize();
        return new LauncherSettings(home, port(value(env, "SNACKBASE_PORT")),
                environment(value(env, "SNACKBASE_ENVIRONMENT")));
    }

    private static int port(String value) throws LauncherException {
        if (value == null) {
            return DEFAULT_PORT;
        }
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LauncherException("SNACKBASE_PORT must be a port number from 1 to 65535, got '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new LauncherException("SNACKBASE_PORT must be a port number from 1 to 65535, got '" + value + "'");
        }
        return port;
    }

    private static String environment(String value) throws LauncherException {
        if (value == null) {
            return PRODUCTION;
        }
        String name = value.toLowerCase(Locale.ROOT);
        if (!name.equals(PRODUCTION) && !name.equals(DEVELOPMENT)) {
            throw new LauncherException("SNACKBASE_ENVIRONMENT must be 'production' or 'development', got '"
                    + value + "'");
        }
        return name;
    }

    /** Returns the trimmed value of an environment variable, or null when it is unset or blank. */
    static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Path bundleDir() {
        return home.resolve("bundle");
    }

    Path confDir() {
        return home.resolve("conf");
    }

    Path pluginsDir() {
        return home.resolve("plugins");
    }

    Path dataDir() {
        return home.resolve("data");
    }
}
