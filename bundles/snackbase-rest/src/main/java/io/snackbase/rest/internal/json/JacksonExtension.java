package io.snackbase.rest.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.rest.internal.Whiteboard;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The whiteboard's JSON extension ("jackson"): Jackson reading and writing with the API mapper,
 * for the SnackBase application and the default application.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName(RestConstants.JSON_EXTENSION_NAME)
@JakartarsMediaType(MediaType.APPLICATION_JSON)
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
public class JacksonExtension implements Feature {

    // one mapper for both applications: its caches are shared and it is thread-safe
    private final ObjectMapper mapper = ObjectMappers.create();

    @Override
    public boolean configure(FeatureContext context) {
        // Jackson's own mappers would answer 400 with a plain-text body; ours render envelopes
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(new ObjectMapperResolver(mapper));
        return true;
    }
}
