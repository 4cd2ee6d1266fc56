package io.snackbase.api.context;

import java.util.Set;

/**
 * The scopes an API key may be issued with ({@code POST /admin/api-keys}, body {@code scopes}),
 * as they appear in {@link Principal#scopes()}. A scope grants one extra permission on the routes
 * that check it; a key without scopes behaves as keys always did. Constants only; thread-safe.
 *
 * @since 1.2.0
 */
public final class ApiKeyScopes {

    /**
     * {@code GET /records/{collection}/{id}/secrets}: reveal the plaintext of encrypted fields of
     * the key's account's records. Only meaningful on a key bound to an account
     * ({@link Principal#isServiceKey()}); refused on a key without an account.
     */
    public static final String RECORDS_SECRETS_READ = "records:secrets:read";

    /** Every scope this version knows; others are refused at key creation. */
    public static final Set<String> KNOWN = Set.of(RECORDS_SECRETS_READ);

    /** The scopes that make sense only on a key bound to an account. */
    public static final Set<String> ACCOUNT_BOUND_ONLY = Set.of(RECORDS_SECRETS_READ);

    private ApiKeyScopes() {}
}
