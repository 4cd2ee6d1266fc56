package io.snackbase.rest.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * Hands Jersey's Jackson provider the shared API mapper.
 *
 * <p>A named class, not a lambda: Jersey finds a resolver's target type from its generic
 * interface, which a lambda erases, and then silently uses its default mapper.
 */
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    /** @param mapper the mapper returned for every type */
    public ObjectMapperResolver(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
