package io.snackbase.auth.internal.service;

import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import io.snackbase.auth.internal.store.AccountMapper;
import io.snackbase.auth.internal.store.ApiKeyMapper;
import io.snackbase.auth.internal.store.GroupMapper;
import io.snackbase.auth.internal.store.InvitationMapper;
import io.snackbase.auth.internal.store.RoleMapper;
import io.snackbase.auth.internal.store.ThrottleMapper;
import io.snackbase.auth.internal.store.TokenMapper;
import io.snackbase.auth.internal.store.UserMapper;
import io.snackbase.api.context.Principal;
import io.snackbase.request.support.cache.MapperWrites;
import io.snackbase.request.support.cache.TtlCache;
import java.time.Clock;

/**
 * The auth bundle's mappers, the shared transaction manager, the clock and the cache of resolved
 * principals, handed to every service. Every write through the mappers of what a principal is made
 * of (users, roles, groups, accounts, revoked tokens, API keys) empties that cache, now and after
 * commit, so a logout, revocation or deactivation on this instance takes effect on the next request.
 */
public final class AuthStore {

    /** How long a resolved principal is trusted unless configured otherwise. */
    public static final long DEFAULT_PRINCIPAL_CACHE_MS = 1000;
    /** Most tokens held; reaching it empties the cache. */
    static final int PRINCIPAL_CACHE_ENTRIES = 10_000;

    /** A token's principal and when the token stops being valid (epoch ms; Long.MAX_VALUE for never). */
    public record CachedPrincipal(Principal principal, long validUntil) {}

    public final AccountMapper accounts;
    public final UserMapper users;
    public final RoleMapper roles;
    public final GroupMapper groups;
    public final TokenMapper tokens;
    public final ApiKeyMapper apiKeys;
    public final InvitationMapper invitations;
    public final ThrottleMapper throttle;
    /** Bearer token or API key text → its principal; see the class comment for invalidation. */
    public final TtlCache<String, CachedPrincipal> principals;
    private final TransactionManager transactions;
    private final Clock clock;

    public AuthStore(Mappers mappers, TransactionManager transactions, Clock clock) {
        this(mappers, transactions, clock, DEFAULT_PRINCIPAL_CACHE_MS);
    }

    /** @param principalCacheMs how long a resolved principal is trusted (0: re-read on every request) */
    public AuthStore(Mappers mappers, TransactionManager transactions, Clock clock, long principalCacheMs) {
        this.principals = new TtlCache<>(principalCacheMs, PRINCIPAL_CACHE_ENTRIES);
        Runnable changed = MapperWrites.invalidating(principals, this::afterCommit);
        this.accounts = MapperWrites.watch(mappers.mapper(AccountMapper.class), AccountMapper.class, changed);
        this.users = MapperWrites.watch(mappers.mapper(UserMapper.class), UserMapper.class, changed);
        this.roles = MapperWrites.watch(mappers.mapper(RoleMapper.class), RoleMapper.class, changed);
        this.groups = MapperWrites.watch(mappers.mapper(GroupMapper.class), GroupMapper.class, changed);
        this.tokens = MapperWrites.watch(mappers.mapper(TokenMapper.class), TokenMapper.class, changed);
        this.apiKeys = MapperWrites.watch(mappers.mapper(ApiKeyMapper.class), ApiKeyMapper.class, changed);
        this.invitations = mappers.mapper(InvitationMapper.class);
        this.throttle = mappers.mapper(ThrottleMapper.class);
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return epoch milliseconds now */
    public long now() {
        return clock.millis();
    }

    /** @return the clock tokens are stamped with */
    public Clock clock() {
        return clock;
    }

    /** Runs work in one transaction (joining the caller's). */
    public <T> T inTransaction(TransactionalWork<T> work) {
        return transactions.inTransaction(work);
    }

    /** Runs an action after the current transaction commits, or now when there is none. */
    public void afterCommit(Runnable action) {
        if (transactions.isActive()) {
            transactions.afterCommit(action);
        } else {
            action.run();
        }
    }
}
