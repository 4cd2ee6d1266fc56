package io.snackbase.api.mail;

/**
 * The built-in template types and the variables each one is rendered with. A template body uses
 * {@code {{ variable }}} placeholders; a variable that is not given renders as empty text.
 */
public final class MailTemplates {

    /** Sent after registration and on request (value "email_verification"); variables
     * {@code verification_url}, {@code token}, {@code email}, {@code expires_at}, {@code app_name}. */
    public static final String EMAIL_VERIFICATION = "email_verification";

    /** Sent by forgot-password (value "password_reset"); variables {@code reset_url},
     * {@code token}, {@code email}, {@code expires_at}, {@code app_name}. */
    public static final String PASSWORD_RESET = "password_reset";

    /** Sent when someone is invited into an account (value "invitation"); variables
     * {@code invitation_url}, {@code token}, {@code email}, {@code account_name},
     * {@code invited_by}, {@code expires_at}, {@code app_name}. */
    public static final String INVITATION = "invitation";

    private MailTemplates() {}
}
