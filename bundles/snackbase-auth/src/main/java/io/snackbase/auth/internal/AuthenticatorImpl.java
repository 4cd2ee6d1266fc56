package io.snackbase.auth.internal;

import io.snackbase.api.auth.Authenticator;
import io.snackbase.api.context.Principal;
import io.snackbase.auth.internal.store.AccountRow;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/** The default {@link Authenticator}: JWT access tokens and {@code sb_ak} API keys, checked against the database. */
@Component(service = Authenticator.class, property = "snackbase.impl=default")
@ServiceRanking(0)
public class AuthenticatorImpl implements Authenticator {

    private final AuthServices services;

    @Activate
    public AuthenticatorImpl(@Reference AuthServices services) {
        this.services = services;
    }

    @Override
    public Principal authenticateBearer(String token) {
        return services.authenticator.bearer(token);
    }

    @Override
    public Principal authenticateApiKey(String key) {
        return services.authenticator.headerKey(key);
    }

    @Override
    public Optional<String> resolveAccount(String identifier) {
        return services.accounts.resolve(identifier).map((AccountRow a) -> a.id);
    }
}
