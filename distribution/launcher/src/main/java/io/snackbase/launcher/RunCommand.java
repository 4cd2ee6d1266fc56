package io.snackbase.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** {@code snackbase run}: starts Felix with the instance's bundles in the foreground until it is stopped. */
final class RunCommand implements Command {

    @Override
    public int run(Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        LauncherSettings settings = LauncherSettings.fromEnvironment(env, defaultHome());
        ConsoleCredentials console = prepare(settings, env);
        Framework framework = boot(FrameworkProperties.of(settings, console), settings);
        FrameworkShutdown shutdown = FrameworkShutdown.install(framework, out);
        framework.start();
        out.println("SnackBase started on port " + settings.port() + " (" + settings.environment() + ")");
        console.announce(out);
        out.flush();
        return shutdown.awaitStop();
    }

    /** Sets the JVM-wide properties every framework of this instance needs and reads the console credentials. */
    static ConsoleCredentials prepare(LauncherSettings settings, Map<String, String> env) throws Exception {
        Path home = settings.home();
        // Read by logback inside the framework, so it must be set before any bundle starts.
        System.setProperty("logback.configurationFile", home.resolve("etc").resolve("logback.xml").toString());
        System.setProperty("snackbase.home", home.toString());
        Path tmp = Files.createDirectories(settings.dataDir().resolve("tmp"));
        // sqlite-jdbc extracts its native library here instead of piling copies up in /tmp (stack.md P17).
        System.setProperty("org.sqlite.tmpdir", tmp.toString());

        return ConsoleCredentials.resolve(env, settings.dataDir(), new SecureRandom());
    }

    /** Creates and initialises a framework with the instance's bundles installed; the caller starts it. */
    static Framework boot(Map<String, String> properties, LauncherSettings settings) throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path (lib/)"));
        Framework framework = factory.newFramework(properties);
        framework.init();
        BundleDeployer.deployAll(framework.getBundleContext(), settings.bundleDir());
        return framework;
    }

    /** The folder above the one holding the launcher jar: {@code <home>/lib/snackbase-launcher.jar}. */
    static Path defaultHome() throws LauncherException {
        CodeSource source = RunCommand.class.getProtectionDomain().getCodeSource();
        Path location;
        try {
            location = source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            location = null;
        }
        if (location == null || location.getParent() == null || location.getParent().getParent() == null) {
            throw new LauncherException("cannot tell the instance folder from the launcher's location;"
                    + " set SNACKBASE_HOME");
        }
        return location.getParent().getParent();
    }
}
