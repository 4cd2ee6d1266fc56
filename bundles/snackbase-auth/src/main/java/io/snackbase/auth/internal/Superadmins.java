package io.snackbase.auth.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.FieldError;
import io.snackbase.auth.internal.core.PasswordPolicy;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.Inputs;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;

/** Creates superadmins (users of the system account): pre-verified, role admin, password policy applied. */
public final class Superadmins {

    /** What became of a request to create one. */
    public enum Outcome { CREATED, EXISTS }

    private Superadmins() {}

    /**
     * @return whether the superadmin was created or already existed (its password is then left alone)
     * @throws io.snackbase.api.errors.ApiException for an invalid email or a weak password
     */
    public static Outcome create(AuthStore store, Users users, String email, String password) {
        Inputs.requireEmail("email", email);
        List<FieldError> problems = PasswordPolicy.check(password, "password");
        if (!problems.isEmpty()) {
            throw Problems.domain(problems);
        }
        try {
            return store.inTransaction(() -> {
                UserRow existing = store.users.findByEmail(Principal.SYSTEM_ACCOUNT_ID, Users.normalize(email));
                if (existing != null) {
                    return Outcome.EXISTS;
                }
                users.insert(Principal.SYSTEM_ACCOUNT_ID, email, password, Users.ADMIN_ROLE, true, "password");
                return Outcome.CREATED;
            });
        } catch (RuntimeException e) {
            // another instance bootstrapping the same address at the same moment won
            if (Problems.isConstraintViolation(e)) {
                return Outcome.EXISTS;
            }
            throw e;
        }
    }
}
