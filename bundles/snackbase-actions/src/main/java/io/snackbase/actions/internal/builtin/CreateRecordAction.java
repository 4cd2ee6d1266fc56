package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.records.RecordOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The built-in {@code create_record}: creates a record in the hook's account through the normal
 * record path, so the collection's create rule, validation, lifecycle hooks, audit and further
 * hooks apply as for a request of the context's principal.
 */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "create_record", label = "Create a record")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class CreateRecordAction implements ActionType {

    private final RecordOperations records;

    @Activate
    public CreateRecordAction(@Reference RecordOperations records) {
        this.records = records;
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(RecordActionSupport.COLLECTION, RecordActionSupport.DATA);
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(ActionType.super.validate(config));
        problems.addAll(RecordActionSupport.blank(config, "collection"));
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        String collection = RecordActionSupport.required(context, config, "collection");
        if (collection == null) {
            return ActionResult.failed("'collection' rendered empty");
        }
        Map<String, Object> data = Rendering.map(context, config, "data");
        return RecordActionSupport.guarded(() -> {
            Map<String, Object> created = records.create(collection, data, context.request());
            return ActionResult.ok(Map.of("collection", collection, "record_id", String.valueOf(created.get("id"))));
        });
    }
}
