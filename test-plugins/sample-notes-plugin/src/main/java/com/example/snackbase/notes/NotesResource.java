package com.example.snackbase.notes;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.TransactionManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/example-notes}: lists notes, and adds a pair of notes in one transaction; when the
 * body says {@code "fail": true} the pair is rolled back after both inserts.
 */
@Component(service = NotesResource.class)
@JakartarsResource
@JakartarsApplicationSelect("(osgi.jakartars.name=snackbase)")
@JakartarsExtensionSelect("(osgi.jakartars.name=jackson)")
@Path("example-notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    private final NoteMapper notes;
    private final TransactionManager transactions;

    @Activate
    public NotesResource(
            @Reference(target = "(snackbase.schema.module=com.example.snackbase.notes)") SchemaModule schema,
            @Reference Mappers mappers,
            @Reference TransactionManager transactions) {
        this.notes = mappers.mapper(NoteMapper.class);
        this.transactions = transactions;
    }

    @GET
    public List<String> list() {
        return notes.all().stream().map(Note::getText).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> addPair(Map<String, Object> body) {
        String text = String.valueOf(body.get("text"));
        return transactions.inTransaction(() -> {
            notes.insert(UUID.randomUUID().toString(), text + " 1");
            notes.insert(UUID.randomUUID().toString(), text + " 2");
            if (Boolean.TRUE.equals(body.get("fail"))) {
                throw new ApiException(409, "Conflict", "Asked to fail after both inserts");
            }
            return Map.of("added", 2);
        });
    }
}
