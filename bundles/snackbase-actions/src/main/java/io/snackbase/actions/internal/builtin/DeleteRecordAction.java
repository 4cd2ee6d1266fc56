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

/** The built-in {@code delete_record}: deletes a record of the hook's account through the normal record path. */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "delete_record", label = "Delete a record")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class DeleteRecordAction implements ActionType {

    private final RecordOperations records;

    @Activate
    public DeleteRecordAction(@Reference RecordOperations records) {
        this.records = records;
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(RecordActionSupport.COLLECTION, RecordActionSupport.RECORD_ID);
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(ActionType.super.validate(config));
        problems.addAll(RecordActionSupport.blank(config, "collection", "record_id"));
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        String collection = RecordActionSupport.required(context, config, "collection");
        String id = RecordActionSupport.required(context, config, "record_id");
        if (collection == null || id == null) {
            return ActionResult.failed("'collection' or 'record_id' rendered empty");
        }
        return RecordActionSupport.guarded(() -> {
            records.delete(collection, id, context.request());
            return ActionResult.ok(Map.of("collection", collection, "record_id", id));
        });
    }
}
