package io.snackbase.rest.internal;

import java.util.logging.Handler;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (Jersey, HK2 and the REST whiteboard log through it) into SLF4J, so
 * those lines reach logback instead of stderr, for as long as this bundle is active.
 */
@Component(immediate = true, service = {})
public class JulBridge {

    private Handler[] previousRootHandlers = new Handler[0];

    @Activate
    void activate() {
        Logger root = Logger.getLogger("");
        previousRootHandlers = root.getHandlers();
        // the JDK console handler would print every line a second time, unformatted
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Deactivate
    void deactivate() {
        SLF4JBridgeHandler.uninstall();
        // give the JVM its console logging back, so that JUL lines are not lost after a stop
        Logger root = Logger.getLogger("");
        for (Handler handler : previousRootHandlers) {
            root.addHandler(handler);
        }
        previousRootHandlers = new Handler[0];
    }
}
