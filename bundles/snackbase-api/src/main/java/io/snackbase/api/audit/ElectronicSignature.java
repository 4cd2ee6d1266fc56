package io.snackbase.api.audit;

import java.time.Instant;

/**
 * The electronic signature (21 CFR Part 11) given with a write, copied into the
 * {@code es_username}, {@code es_reason} and {@code es_timestamp} of each of its audit entries.
 * Immutable.
 *
 * @param username who signed, or null
 * @param reason the stated meaning of the signature, or null
 * @param timestamp when it was given, or null; stored with microsecond precision (UTC)
 */
public record ElectronicSignature(String username, String reason, Instant timestamp) {}
