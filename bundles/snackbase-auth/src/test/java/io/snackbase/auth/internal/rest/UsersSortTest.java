package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code sort} parameter of {@code GET /users}: a prefix and a column from a fixed list. */
class UsersSortTest {

    @Test
    void userSortsReadThePrefix() {
        assertThat(UsersResource.sort(null)).containsExactly("created_at", "DESC");
        assertThat(UsersResource.sort("-email")).containsExactly("email", "DESC");
        assertThat(UsersResource.sort("+email")).containsExactly("email", "ASC");
        assertThat(UsersResource.sort(" last_login")).containsExactly("last_login", "ASC");
        assertThat(UsersResource.sort("email")).containsExactly("email", "ASC");
        assertFails(() -> UsersResource.sort("-"), 422,
                "Invalid sort field ''. Must be one of: id, email, account_id, role_id, is_active, email_verified, auth_provider, "
                        + "created_at, updated_at, last_login");
    }
}
