package io.snackbase.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Where the tests find the assembled instance and the sample plugin, as passed on by failsafe. */
final class InstanceLayout {

    private InstanceLayout() {
    }

    /** The assembled {@code target/snackbase/} folder. */
    static Path instanceDir() {
        return Path.of(required("snackbase.instance.dir"));
    }

    /** The jar of {@code test-plugins/sample-rest-plugin}, which serves {@code GET /api/v1/sample}. */
    static Path samplePluginJar() {
        return Path.of(required("snackbase.sample.plugin"));
    }

    /** The jar of {@code test-plugins/sample-action-plugin}: action {@code example.echo} and a before-request hook. */
    static Path sampleActionPluginJar() {
        return Path.of(required("snackbase.sample.action.plugin"));
    }

    /** The jar of {@code test-plugins/sample-action-plugin-v2}: {@code example.echo} at ranking 10. */
    static Path sampleActionPluginV2Jar() {
        return Path.of(required("snackbase.sample.action.plugin.v2"));
    }

    /** The jar of {@code test-plugins/sample-notes-plugin}: its own migrations, mapper and transactions. */
    static Path sampleNotesPluginJar() {
        return Path.of(required("snackbase.sample.notes.plugin"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
