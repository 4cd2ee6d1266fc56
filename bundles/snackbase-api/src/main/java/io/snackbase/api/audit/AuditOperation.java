package io.snackbase.api.audit;

/** The kind of write an audit entry records; stored and sent as the constant's name. */
public enum AuditOperation {
    /** A row was inserted: one entry per column, {@code old_value} null. */
    CREATE,
    /** A row was changed: one entry per column whose stringified value changed. */
    UPDATE,
    /** A row was removed: one entry per column, {@code new_value} null. */
    DELETE
}
