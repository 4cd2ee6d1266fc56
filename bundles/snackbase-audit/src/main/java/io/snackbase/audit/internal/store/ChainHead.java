package io.snackbase.audit.internal.store;

/** The row of {@code audit_chain_head}: the id and checksum of the last entry (0 and null before the first). */
public class ChainHead {
    public Long lastId;
    public String lastChecksum;
}
