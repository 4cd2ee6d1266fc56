package io.snackbase.auth.internal.core;

import io.snackbase.api.errors.FieldError;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Account slugs: generation from a name and validation, for registration and for superadmin creation (their rules differ). */
public final class Slugs {

    private static final Pattern REGISTRATION = Pattern.compile("^[a-z][a-z0-9-]*$");
    private static final Pattern ADMIN = Pattern.compile("^[a-z0-9-]+$");
    static final int MIN = 3;
    static final int MAX = 32;

    private Slugs() {}

    /** The registration rule: NFKD, ASCII only, runs of other characters to "-", no leading digits, at most 32, else "account". */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-{2,}", "-");
        slug = slug.replaceAll("^[-0-9]+", "").replaceAll("-+$", "");
        slug = cut(slug);
        return slug.length() < MIN ? "account" : slug;
    }

    /** The superadmin rule when no slug is given: runs of non [a-z0-9-] to "-", "account-" prefix when short. */
    public static String fromNameForAdmin(String name) {
        String slug = (name == null ? "" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        if (slug.length() < MIN) {
            slug = "account-" + slug;
        }
        return cut(slug.replaceAll("-+$", ""));
    }

    /** @return the problem with a registration slug (already lower-cased), if any */
    public static Optional<FieldError> checkRegistration(String slug) {
        if (slug.length() < MIN) {
            return Optional.of(new FieldError("account_slug", "Slug must be at least 3 characters", "slug_too_short"));
        }
        if (slug.length() > MAX) {
            return Optional.of(new FieldError("account_slug", "Slug must be at most 32 characters", "slug_too_long"));
        }
        if (!Character.isLetter(slug.charAt(0)) || slug.charAt(0) > 'z') {
            return Optional.of(new FieldError("account_slug", "Slug must start with a letter", "slug_invalid_start"));
        }
        if (!REGISTRATION.matcher(slug).matches()) {
            return Optional.of(new FieldError("account_slug",
                    "Slug may contain only lowercase letters, digits and hyphens", "slug_invalid_chars"));
        }
        return Optional.empty();
    }

    /** @return the reason a superadmin-given slug is refused, if any */
    public static Optional<String> checkAdmin(String slug) {
        if (slug.length() < MIN || slug.length() > MAX) {
            return Optional.of("Slug must be between 3 and 32 characters");
        }
        if (!ADMIN.matcher(slug).matches()) {
            return Optional.of("Slug may contain only lowercase letters, digits and hyphens");
        }
        return Optional.empty();
    }

    private static String cut(String slug) {
        return slug.length() <= MAX ? slug : slug.substring(0, MAX).replaceAll("-+$", "");
    }
}
