package io.snackbase.launcher;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.framework.launch.Framework;

/**
 * A one-off run of the instance's bundles for a command: a private framework cache and a free
 * port (a running instance may own both), framework properties naming the command, and a result
 * file that a bundle component writes and the command waits for.
 */
final class OneOffRun {

    static final long TIMEOUT_MILLIS = 120_000;

    private OneOffRun() {}

    /**
     * Boots the bundles with the extra framework properties plus {@code snackbase.command.result},
     * waits for the result and stops.
     *
     * @param name names the temporary folder under {@code data/tmp}
     * @return the stripped content of the result file, or null when none came within the timeout
     */
    static String run(String name, Map<String, String> env, Consumer<Map<String, String>> extra)
            throws Exception {
        LauncherSettings base = LauncherSettings.fromEnvironment(env, RunCommand.defaultHome());
        LauncherSettings settings = new LauncherSettings(base.home(), freePort(), base.environment());
        ConsoleCredentials console = RunCommand.prepare(settings, env);
        Path work = Files.createTempDirectory(settings.dataDir().resolve("tmp"), name);
        Path result = work.resolve("result");
        Map<String, String> properties = FrameworkProperties.of(settings, console);
        // a running instance owns data/felix-cache; this one-off framework gets its own
        properties.put("org.osgi.framework.storage", work.resolve("felix-cache").toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("snackbase.command.result", result.toString());
        extra.accept(properties);
        Framework framework = RunCommand.boot(properties, settings);
        try {
            framework.start();
            return await(result);
        } finally {
            framework.stop();
            framework.waitForStop(FrameworkShutdown.STOP_TIMEOUT_MILLIS);
            delete(work);
        }
    }

    private static String await(Path result) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(result) && Files.size(result) > 0) {
                return Files.readString(result, StandardCharsets.UTF_8).strip();
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder under data/tmp; left for the next clean-up
        }
    }
}
