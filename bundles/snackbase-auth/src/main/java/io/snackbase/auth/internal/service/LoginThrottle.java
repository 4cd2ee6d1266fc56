package io.snackbase.auth.internal.service;

import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.store.ThrottleMapper;
import java.util.Locale;
import java.util.Map;

/**
 * Brute-force protection for login: failures are counted in the database per account+email and
 * per client address in a fixed window, so every instance sees the same counts; a key that
 * reaches its limit is locked for the lock-out time and answers 429 with {@code Retry-After}.
 */
public final class LoginThrottle {

    private final AuthStore store;
    private final AuthSettings settings;

    public LoginThrottle(AuthStore store, AuthSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** @return the key of one account (as the caller named it) and email */
    public static String accountKey(String account, String email) {
        return "acct:" + account.trim().toLowerCase(Locale.ROOT) + ":" + email.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the key of one client address, or null when it is unknown */
    public static String ipKey(String ip) {
        return ip == null || ip.isBlank() ? null : "ip:" + ip;
    }

    /** @throws ApiException 429 when either key is locked */
    public void check(String accountKey, String ipKey) {
        long now = store.now();
        for (String key : new String[] {accountKey, ipKey}) {
            ThrottleMapper.Row row = key == null ? null : store.throttle.find(key);
            if (row != null && row.lockedUntil != null && row.lockedUntil > now) {
                long seconds = Math.max(1, (row.lockedUntil - now + 999) / 1000);
                throw new ApiException(429, "Too Many Requests",
                        "Too many failed login attempts. Try again in " + seconds + " seconds.", Map.of("retryAfter", seconds));
            }
        }
    }

    /** Counts a failed attempt against both keys, locking those that reached their limit. */
    public void failed(String accountKey, String ipKey) {
        count(accountKey, settings.maxFailuresPerAccountEmail());
        if (ipKey != null) {
            count(ipKey, settings.maxFailuresPerIp());
        }
    }

    /** Forgets the failures of an account+email after a successful login (the address keeps its count). */
    public void succeeded(String accountKey) {
        store.throttle.clear(accountKey);
    }

    private void count(String key, int limit) {
        // a row inserted by a concurrent failure, or a deadlock victim, is retried and then counted on
        Retrying.write(store, () -> {
            long now = store.now();
            if (store.throttle.countFailure(key, now, now - settings.windowSeconds() * 1000) == 0) {
                store.throttle.insert(key, now, null);
            }
            ThrottleMapper.Row row = store.throttle.find(key);
            if (row.failures >= limit) {
                store.throttle.lock(key, now + settings.lockoutSeconds() * 1000);
            }
            return null;
        });
    }
}
