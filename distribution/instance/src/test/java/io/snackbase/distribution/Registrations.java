package io.snackbase.distribution;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.api.runtime.RegistrationState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Reads what the registries report, inside the framework, and waits for a registration to appear or go. */
final class Registrations {

    private final BundleContext context;

    Registrations(BundleContext context) {
        this.context = context;
    }

    List<RegistrationDTO> all() throws InvalidSyntaxException {
        List<RegistrationDTO> all = new ArrayList<>();
        for (ServiceReference<RegistrationSource> ref : context.getServiceReferences(RegistrationSource.class, null)) {
            RegistrationSource source = context.getService(ref);
            if (source != null) {
                try {
                    all.addAll(source.registrations());
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return all;
    }

    Optional<RegistrationDTO> find(String kind, String bundle, RegistrationState state) throws InvalidSyntaxException {
        return all().stream()
                .filter(r -> r.kind().equals(kind) && r.bundle().equals(bundle) && r.state() == state)
                .findFirst();
    }

    /** @return true when the condition held within the time */
    boolean await(Predicate<List<RegistrationDTO>> condition, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(all())) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.test(all());
    }

    static Predicate<List<RegistrationDTO>> has(String kind, String bundle, RegistrationState state) {
        return list -> list.stream().anyMatch(r -> r.kind().equals(kind) && r.bundle().equals(bundle) && r.state() == state);
    }

    static Predicate<List<RegistrationDTO>> noneFrom(String bundle) {
        return list -> list.stream().noneMatch(r -> r.bundle().equals(bundle));
    }
}
