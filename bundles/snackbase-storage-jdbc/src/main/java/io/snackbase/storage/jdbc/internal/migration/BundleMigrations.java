package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.StorageConstants;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;

/** Reads the migration files a bundle names in its {@code Snackbase-Migrations} header. */
final class BundleMigrations {

    private BundleMigrations() {}

    /** @return the folder named by the header, or null when the bundle ships no migrations */
    static String folder(Bundle bundle) {
        String value = bundle.getHeaders("").get(StorageConstants.MIGRATIONS_HEADER);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return file name to content, for the {@code .sql} files directly in the folder */
    static Map<String, String> files(Bundle bundle, String folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            try (InputStream in = entry.openStream()) {
                files.put(path.substring(path.lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
