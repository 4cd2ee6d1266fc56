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
import java.time.Clock;

/** The auth bundle's mappers, the shared transaction manager and the clock, handed to every service. */
public final class AuthStore {

    public final AccountMapper accounts;
    public final UserMapper users;
    public final RoleMapper roles;
    public final GroupMapper groups;
    public final TokenMapper tokens;
    public final ApiKeyMapper apiKeys;
    public final InvitationMapper invitations;
    public final ThrottleMapper throttle;
    private final TransactionManager transactions;
    private final Clock clock;

    public AuthStore(Mappers mappers, TransactionManager transactions, Clock clock) {
        this.accounts = mappers.mapper(AccountMapper.class);
        this.users = mappers.mapper(UserMapper.class);
        this.roles = mappers.mapper(RoleMapper.class);
        this.groups = mappers.mapper(GroupMapper.class);
        this.tokens = mappers.mapper(TokenMapper.class);
        this.apiKeys = mappers.mapper(ApiKeyMapper.class);
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
