package io.snackbase.console.internal;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.api.storage.Database;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The "SnackBase" page of the Felix Web Console: the database in use and every extension
 * registration (action types, hook handlers, endpoint and job handlers) with its state.
 * The Web Console picks it up by its label property; it is not on the HTTP whiteboard itself.
 */
@Component(
        service = Servlet.class,
        property = {
            ServletConstants.PLUGIN_LABEL + "=snackbase",
            ServletConstants.PLUGIN_TITLE + "=SnackBase",
            ServletConstants.PLUGIN_CATEGORY + "=SnackBase"
        })
public class SnackbaseConsolePlugin extends AbstractServlet {

    private static final long serialVersionUID = 1L;

    private final transient List<RegistrationSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSource(RegistrationSource source) {
        sources.add(source);
    }

    void removeSource(RegistrationSource source) {
        sources.remove(source);
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        Database db = database;
        out.print("<p class='statline'>Database: ");
        out.print(db == null ? "not configured" : RegistrationTable.escape(db.describe() + " (" + db.kind().databaseId() + ")"));
        out.print("</p>");
        out.print(RegistrationTable.render(snapshot()));
    }

    private List<RegistrationDTO> snapshot() {
        List<RegistrationDTO> all = new ArrayList<>();
        for (RegistrationSource source : sources) {
            all.addAll(source.registrations());
        }
        return all;
    }
}
