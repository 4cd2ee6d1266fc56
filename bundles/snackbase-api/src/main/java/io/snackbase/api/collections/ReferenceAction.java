package io.snackbase.api.collections;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens to a record whose reference field points at a record being deleted (the
 * {@code on_delete} of a reference field); enforced by the database's foreign key.
 */
public enum ReferenceAction {
    /** The referencing record is deleted too ({@code "cascade"}). */
    CASCADE,
    /** The reference is set to null ({@code "set_null"}). */
    SET_NULL,
    /** The delete is refused while references exist ({@code "restrict"}). */
    RESTRICT;

    /** @return the wire name, e.g. {@code "set_null"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param wireName {@code cascade}, {@code set_null} or {@code restrict} (any case)
     * @return the action, or empty for another text
     */
    public static Optional<ReferenceAction> of(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (ReferenceAction a : values()) {
            if (a.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
