package io.snackbase.records.internal;

import io.snackbase.records.internal.records.FieldCipher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/**
 * Hands the key of encrypted fields (PID {@code io.snackbase.records.encryption}, else the
 * environment variable {@code SNACKBASE_ENCRYPTION_KEY}) to the record service. Until it runs, and
 * without a usable key, writes of encrypted values are refused; nothing is ever stored in clear.
 */
@Component(service = RecordEncryption.class, immediate = true, configurationPid = "io.snackbase.records.encryption")
@Designate(ocd = EncryptionConfig.class)
public class RecordEncryption {

    private final RecordsServices services;

    @Activate
    public RecordEncryption(@Reference RecordsServices services, EncryptionConfig config) {
        this.services = services;
        modified(config);
    }

    @Modified
    void modified(EncryptionConfig config) {
        if (services.records != null) {
            services.records.cipher(cipher(config.key(), System.getenv("SNACKBASE_ENCRYPTION_KEY")));
        }
    }

    @Deactivate
    void deactivate() {
        if (services.records != null) {
            services.records.cipher(FieldCipher.none());
        }
    }

    /**
     * @return the configured key, else the environment's; a malformed configured key is logged and
     *     none is used (not the environment's: the operator meant the configured one)
     */
    static FieldCipher cipher(String configured, String env) {
        String text = configured != null && !configured.isBlank() ? configured : env;
        try {
            return FieldCipher.of(text);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(RecordEncryption.class).error("Encrypted fields cannot be written: {}", e.getMessage());
            return FieldCipher.none();
        }
    }
}
