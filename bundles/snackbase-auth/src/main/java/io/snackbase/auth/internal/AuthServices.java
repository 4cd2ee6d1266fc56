package io.snackbase.auth.internal;

import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.auth.internal.core.JwtCodec;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.core.SigningSecret;
import io.snackbase.auth.internal.core.SnackbaseTokenCodec;
import io.snackbase.auth.internal.service.Accounts;
import io.snackbase.auth.internal.service.AuthMail;
import io.snackbase.auth.internal.service.AuthSettings;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.EmailFlows;
import io.snackbase.auth.internal.service.Hooks;
import io.snackbase.auth.internal.service.LoginThrottle;
import io.snackbase.auth.internal.service.Login;
import io.snackbase.auth.internal.service.Registration;
import io.snackbase.auth.internal.service.RequestAuthenticator;
import io.snackbase.auth.internal.service.Sessions;
import io.snackbase.auth.internal.service.Users;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the auth services once per configuration and hands them to the resources and the
 * authenticator (a bundle-private service). A refused signing secret fails activation with the
 * reason in the log, so no token is ever signed with a weak key.
 */
@Component(service = AuthServices.class, configurationPid = "io.snackbase.auth")
@Designate(ocd = AuthConfig.class)
public class AuthServices {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthServices.class);

    public final AuthStore store;
    public final AuthSettings settings;
    public final PasswordHasher hasher;
    public final Accounts accounts;
    public final Users users;
    public final Sessions sessions;
    public final EmailFlows email;
    public final Registration registration;
    public final Login login;
    public final RequestAuthenticator authenticator;
    public final SnackbaseTokenCodec snackbaseTokens;
    public final AuthMail mail;
    public final Hooks hooks;
    private final Optional<Runtime> runtime;

    @Activate
    public AuthServices(@Reference(target = "(snackbase.schema.module=io.snackbase.auth)") SchemaModule schema,
            @Reference Mappers mappers, @Reference TransactionManager transactions, BundleContext context, AuthConfig config)
            throws Exception {
        this(new Runtime(), mappers, transactions, context, config);
    }

    private AuthServices(Runtime runtime, Mappers mappers, TransactionManager transactions, BundleContext context, AuthConfig config)
            throws Exception {
        this(Wiring.of(runtime, mappers, transactions, context, config), Optional.of(runtime));
    }

    /** For tests: the services of a graph built by hand, without OSGi. */
    public AuthServices(Wiring w) {
        this(w, Optional.empty());
    }

    private AuthServices(Wiring w, Optional<Runtime> runtime) {
        this.store = w.store;
        this.settings = w.settings;
        this.hasher = w.hasher;
        this.accounts = w.accounts;
        this.users = w.users;
        this.sessions = w.sessions;
        this.email = w.email;
        this.registration = w.registration;
        this.login = w.login;
        this.authenticator = w.authenticator;
        this.snackbaseTokens = w.snackbaseTokens;
        this.mail = w.mail;
        this.hooks = w.hooks;
        this.runtime = runtime;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHookDispatcher(HookDispatcher dispatcher) {
        runtime.ifPresent(r -> r.hooks = dispatcher);
    }

    void unsetHookDispatcher(HookDispatcher dispatcher) {
        runtime.ifPresent(r -> r.clear(dispatcher));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setMailService(MailService service) {
        runtime.ifPresent(r -> r.mail = service);
    }

    void unsetMailService(MailService service) {
        runtime.ifPresent(r -> r.clear(service));
    }

    @Deactivate
    void stop() {
        runtime.ifPresent(r -> r.background.shutdown());
    }

    /** What changes while the component lives: the optional services, and the thread that mails reset links. */
    static final class Runtime {
        volatile HookDispatcher hooks;
        volatile MailService mail;
        final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "snackbase-auth-mail");
            t.setDaemon(true);
            return t;
        });

        synchronized void clear(Object gone) {
            if (hooks == gone) {
                hooks = null;
            }
            if (mail == gone) {
                mail = null;
            }
        }
    }

    /**
     * A weak signing secret stops the whole instance: serving without authentication would look
     * like a working instance that refuses every login. The launcher prints the reason and exits 2.
     */
    private static void refuseToRun(BundleContext context, String reason) {
        LOG.error("Refusing to start: {}", reason);
        System.setProperty("snackbase.fatal", reason);
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (Exception e) {
                LOG.error("Could not stop the framework", e);
            }
        }, "snackbase-refuse-start");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** The object graph, built the same way by the component and by the tests. */
    public static final class Wiring {
        public final AuthStore store;
        public final AuthSettings settings;
        public final PasswordHasher hasher;
        public final Accounts accounts;
        public final Users users;
        public final JwtCodec jwt;
        public final SnackbaseTokenCodec snackbaseTokens;
        public final Sessions sessions;
        public final AuthMail mail;
        public final Hooks hooks;
        public final EmailFlows email;
        public final Registration registration;
        public final LoginThrottle throttle;
        public final Login login;
        public final RequestAuthenticator authenticator;

        public Wiring(AuthStore store, AuthSettings settings, byte[] key, PasswordHasher hasher,
                Supplier<MailService> mail, Supplier<HookDispatcher> hooks, Executor background) {
            this.store = store;
            this.settings = settings;
            this.hasher = hasher;
            this.accounts = new Accounts(store);
            this.users = new Users(store, hasher);
            this.jwt = new JwtCodec(key, store.clock());
            this.snackbaseTokens = new SnackbaseTokenCodec(key, store.clock());
            this.sessions = new Sessions(store, jwt, settings);
            this.mail = new AuthMail(mail, settings.appUrl());
            this.hooks = new Hooks(hooks);
            this.email = new EmailFlows(store, accounts, hasher, this.mail, this.hooks, background);
            this.registration = new Registration(store, accounts, users, email, this.hooks);
            this.throttle = new LoginThrottle(store, settings);
            this.login = new Login(store, accounts, hasher, sessions, throttle, this.hooks);
            this.authenticator = new RequestAuthenticator(store, jwt, snackbaseTokens);
        }

        /** The runtime graph: settings from the configuration and environment, the kept or configured secret. */
        static Wiring of(Runtime runtime, Mappers mappers, TransactionManager transactions, BundleContext context, AuthConfig config)
                throws Exception {
            String home = context.getProperty("snackbase.home");
            Path data = Path.of(home == null ? "." : home).resolve("data");
            String secret = config.tokenSecret().isBlank() ? System.getenv("SNACKBASE_SECRET_KEY") : config.tokenSecret();
            byte[] key;
            try {
                key = SigningSecret.resolve(secret, data);
            } catch (IllegalArgumentException refused) {
                refuseToRun(context, refused.getMessage());
                throw refused;
            }
            String appUrl = !config.appUrl().isBlank() ? config.appUrl()
                    : System.getenv().getOrDefault("SNACKBASE_APP_URL", "http://localhost:8090");
            AuthSettings settings = new AuthSettings(config.accessTokenMinutes() * 60L, config.refreshTokenDays() * 86_400L,
                    config.apiKeysPerUser(), config.maxFailuresPerAccountEmail(), config.maxFailuresPerIp(),
                    config.failureWindowSeconds(), config.lockoutSeconds(), appUrl);
            return new Wiring(new AuthStore(mappers, transactions, Clock.systemUTC(), config.principalCacheMs()), settings, key,
                    new PasswordHasher(config.argon2MemoryKib(), config.argon2Iterations(), 1),
                    () -> runtime.mail, () -> runtime.hooks, runtime.background);
        }
    }
}
