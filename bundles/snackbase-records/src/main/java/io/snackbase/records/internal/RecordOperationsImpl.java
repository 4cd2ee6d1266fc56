package io.snackbase.records.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.records.RecordOperations;
import io.snackbase.records.internal.records.RecordService;
import io.snackbase.records.internal.records.RecordValues.Mode;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The default {@link RecordOperations}: the very {@link RecordService} the HTTP routes call, so an
 * in-process write gets the same rules, hooks, audit and outbox rows as a request.
 */
@Component(property = "snackbase.impl=default")
@ServiceRanking(0)
public class RecordOperationsImpl implements RecordOperations {

    private final RecordService records;

    @Activate
    public RecordOperationsImpl(@Reference RecordsServices services) {
        this(services.records);
    }

    public RecordOperationsImpl(RecordService records) {
        this.records = records;
    }

    @Override
    public Map<String, Object> create(String collection, Map<String, Object> data, RequestContext context) {
        return records.create(collection, data, context);
    }

    @Override
    public Map<String, Object> update(String collection, String id, Map<String, Object> data, boolean partial,
            RequestContext context) {
        return records.update(collection, id, data, partial ? Mode.PATCH : Mode.PUT, context);
    }

    @Override
    public void delete(String collection, String id, RequestContext context) {
        records.delete(collection, id, context);
    }

    @Override
    public Optional<Map<String, Object>> get(String collection, String id, RequestContext context) {
        try {
            return Optional.of(records.get(collection, id, null, context));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
