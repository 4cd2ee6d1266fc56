package io.snackbase.rest.internal.admin;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /api/v1/admin/runtime}: every registration of every registry, grouped
 * by extension point, with snake_case field names.
 */
final class RuntimeReport {

    private RuntimeReport() {}

    static Map<String, Object> of(List<RegistrationSource> sources) {
        Map<String, List<Map<String, Object>>> byKind = new TreeMap<>();
        int total = 0;
        for (RegistrationSource source : sources) {
            List<RegistrationDTO> registrations = new ArrayList<>(source.registrations());
            registrations.sort(Comparator.comparing((RegistrationDTO r) -> String.valueOf(r.id()))
                    .thenComparingLong(RegistrationDTO::serviceId));
            List<Map<String, Object>> list = byKind.computeIfAbsent(source.kind(), k -> new ArrayList<>());
            registrations.forEach(r -> list.add(json(r)));
            total += registrations.size();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registries", new ArrayList<>(byKind.keySet()));
        body.put("registrations", byKind);
        body.put("total", total);
        return body;
    }

    private static Map<String, Object> json(RegistrationDTO r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("state", r.state().name().toLowerCase());
        json.put("bundle", r.bundle());
        json.put("bundle_id", r.bundleId());
        json.put("service_id", r.serviceId());
        json.put("ranking", r.ranking());
        json.put("keys", r.keys());
        json.put("collections", r.collections());
        json.put("reason", r.reason());
        return json;
    }
}
