package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.records.RecordOperations;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The built-in {@code update_record}: changes the given fields of a record of the hook's account
 * (PATCH semantics) through the normal record path; another account's id is a failed action (404).
 */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "update_record", label = "Update a record")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class UpdateRecordAction implements ActionType {

    private final RecordOperations records;

    @Activate
    public UpdateRecordAction(@Reference RecordOperations records) {
        this.records = records;
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(RecordActionSupport.COLLECTION, RecordActionSupport.RECORD_ID, RecordActionSupport.DATA);
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        return RecordActionSupport.validateOnRecord(ActionType.super.validate(config), config);
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        Map<String, Object> data = Rendering.map(context, config, "data");
        return RecordActionSupport.onRecord(context, config, (collection, id) -> {
            records.update(collection, id, data, true, context.request());
            return ActionResult.ok(Map.of("collection", collection, "record_id", id));
        });
    }
}
