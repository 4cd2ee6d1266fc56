package io.snackbase.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One run of {@code bin/snackbase} as a child process, with its combined output collected for assertions. */
final class InstanceProcess {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("Web Console: user \\S+, password (\\S+) \\(shown once");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private InstanceProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collectOutput, "instance-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the assembled instance into {@code target}, as an operator would unpack the tarball. */
    static Path copyInstance(Path target) throws IOException {
        Path source = InstanceLayout.instanceDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /**
     * Starts {@code <home>/bin/snackbase} with the given variables on top of this JVM's environment, from which
     * every {@code SNACKBASE_*} variable is removed so that the machine's settings cannot leak into the test.
     */
    static InstanceProcess start(Path home, Map<String, String> env, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(home.resolve("bin").resolve("snackbase").toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SNACKBASE_"));
        builder.environment().putAll(env);
        return new InstanceProcess(builder.start());
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            output.append("[output reader failed: ").append(e).append("]\n");
        }
    }

    /** Everything the process printed so far, standard error included. */
    String output() {
        return output.toString();
    }

    /** Waits until the output contains the text; false when it did not within the time. */
    boolean awaitOutput(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The Web Console password printed on this run, or null when none was printed. */
    String generatedPassword() {
        Matcher matcher = GENERATED_PASSWORD.matcher(output());
        return matcher.find() ? matcher.group(1) : null;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * Sends SIGTERM and waits for the exit code. {@link Process#destroy()} would send the same signal but also
     * close the output pipe at once, losing the lines the instance prints while it stops; the process handle's
     * {@code destroy()} only signals.
     */
    int terminate(Duration within) throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit(within);
    }

    /**
     * Waits for the process to end and for its output to be read to the end.
     *
     * @throws AssertionError when it has not ended in time; the process is then killed
     */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("instance did not exit within " + within + "; output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Kills the process if a test left it running. */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
