package io.snackbase.api.runtime;

/** How a registry treats one registration. */
public enum RegistrationState {
    /** Selected and in use. */
    ACTIVE,
    /** Valid, but another registration with the same id wins (higher ranking, or older). */
    SHADOWED,
    /** Invalid (missing or malformed properties, a reserved id): never used; the reason says why. */
    FAILED
}
