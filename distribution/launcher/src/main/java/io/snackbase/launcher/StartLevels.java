package io.snackbase.launcher;

/**
 * Assigns a start level to each bundle of {@code bundle/} by symbolic name.
 *
 * <p>SPI Fly must be active before anything loads {@code LoggerFactory}, or slf4j binds to NOP for
 * the life of the JVM (stack.md P3); so SPI Fly and ASM start first and the logging bundles second.
 */
public final class StartLevels {

    public static final int WEAVING = 1;
    public static final int LOGGING = 2;
    public static final int APPLICATION = FrameworkProperties.BEGINNING_START_LEVEL;

    private StartLevels() {
    }

    /** Returns the start level for a bundle; the Pax Exam tests in distribution/instance use it too. */
    public static int forSymbolicName(String symbolicName) {
        if (symbolicName.startsWith("org.apache.aries.spifly.") || symbolicName.startsWith("org.objectweb.asm")) {
            return WEAVING;
        }
        if (symbolicName.equals("slf4j.api") || symbolicName.equals("jul.to.slf4j")
                || symbolicName.startsWith("ch.qos.logback.")) {
            return LOGGING;
        }
        return APPLICATION;
    }
}
