package io.snackbase.records.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code io.snackbase.records.encryption}: the key of encrypted record fields. */
@ObjectClassDefinition(name = "SnackBase record field encryption",
        description = "The key that encrypts the values of collection fields marked encrypted (AES-256-GCM) before they are stored.")
public @interface EncryptionConfig {

    @AttributeDefinition(name = "Key", type = AttributeType.PASSWORD,
            description = "32 random bytes as base64 (standard or URL-safe) or as 64 hex digits, e.g. from `openssl rand -base64 32`. "
                    + "Empty: the environment variable SNACKBASE_ENCRYPTION_KEY is used; with neither, writes of a value to an encrypted "
                    + "field are refused (400 encryption_unavailable) and nothing is stored in clear. Every instance sharing a database "
                    + "needs the same key; a value stored under another key no longer decrypts.")
    String key() default "";
}
