package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.DatabaseKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a module's scripts for one database from file names of the form
 * {@code V<n>__<description>.sql} and {@code V<n>__<description>.<databaseId>.sql}.
 */
public final class MigrationScripts {

    private static final Pattern NAME =
            Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)(?:\\.(sqlite|postgresql|mysql))?\\.sql");

    private MigrationScripts() {}

    /**
     * @param files file name (without folder) to content
     * @param kind the running database
     * @return the scripts in ascending version order
     * @throws IllegalArgumentException for a file name that does not follow the pattern, two
     *     descriptions for one version, or a version with only other databases' variants
     */
    public static List<MigrationScript> select(Map<String, String> files, DatabaseKind kind) {
        Map<Integer, Variants> byVersion = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher m = NAME.matcher(file.getKey());
            if (!m.matches()) {
                throw new IllegalArgumentException("Migration file '" + file.getKey()
                        + "' is not named V<number>__<description>[.<sqlite|postgresql|mysql>].sql");
            }
            int version = Integer.parseInt(m.group(1));
            Variants variants = byVersion.computeIfAbsent(version, v -> new Variants(m.group(2)));
            if (!variants.description.equals(m.group(2))) {
                throw new IllegalArgumentException("Migration version " + version + " has two descriptions: "
                        + variants.description + " and " + m.group(2));
            }
            variants.put(m.group(3), file.getValue());
        }
        List<MigrationScript> scripts = new ArrayList<>();
        byVersion.forEach((version, variants) -> scripts.add(variants.pick(version, kind)));
        scripts.sort(Comparator.comparingInt(MigrationScript::version));
        return scripts;
    }

    private static final class Variants {
        final String description;
        final Map<String, String> byDatabase = new TreeMap<>();
        String generic;

        Variants(String description) {
            this.description = description;
        }

        void put(String databaseId, String sql) {
            if (databaseId == null) {
                generic = sql;
            } else {
                byDatabase.put(databaseId, sql);
            }
        }

        MigrationScript pick(int version, DatabaseKind kind) {
            String sql = byDatabase.getOrDefault(kind.databaseId(), generic);
            if (sql == null) {
                throw new IllegalArgumentException("Migration version " + version + " (" + description
                        + ") has no script for " + kind.databaseId() + " and no generic one");
            }
            return new MigrationScript(version, description, sql);
        }
    }
}
