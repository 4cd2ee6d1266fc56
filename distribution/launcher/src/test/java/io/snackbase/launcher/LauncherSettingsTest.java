package io.snackbase.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private static final Path DEFAULT_HOME = Path.of("/opt/snackbase");

    @Test
    void defaultsWhenNothingIsSet() throws Exception {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), DEFAULT_HOME);
        assertThat(settings.home()).isEqualTo(DEFAULT_HOME);
        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.environment()).isEqualTo("production");
        assertThat(settings.bundleDir()).isEqualTo(Path.of("/opt/snackbase/bundle"));
    }

    @Test
    void readsEveryVariable() throws Exception {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
                "SNACKBASE_HOME", "/srv/sb/./x/..",
                "SNACKBASE_PORT", " 9100 ",
                "SNACKBASE_ENVIRONMENT", "Development"), DEFAULT_HOME);
        assertThat(settings.home()).isEqualTo(Path.of("/srv/sb"));
        assertThat(settings.port()).isEqualTo(9100);
        assertThat(settings.environment()).isEqualTo("development");
    }

    @Test
    void blankValuesCountAsUnset() throws Exception {
        LauncherSettings settings = LauncherSettings.fromEnvironment(
                Map.of("SNACKBASE_PORT", "  ", "SNACKBASE_ENVIRONMENT", "", "SNACKBASE_HOME", " "), DEFAULT_HOME);
        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.environment()).isEqualTo("production");
        assertThat(settings.home()).isEqualTo(DEFAULT_HOME);
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("SNACKBASE_PORT", "abc"), DEFAULT_HOME))
                .isInstanceOf(LauncherException.class)
                .hasMessage("SNACKBASE_PORT must be a port number from 1 to 65535, got 'abc'");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("SNACKBASE_PORT", "0"), DEFAULT_HOME))
                .isInstanceOf(LauncherException.class);
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("SNACKBASE_PORT", "65536"), DEFAULT_HOME))
                .isInstanceOf(LauncherException.class);
    }

    @Test
    void rejectsAnUnknownEnvironment() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("SNACKBASE_ENVIRONMENT", "staging"),
                DEFAULT_HOME))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("'production' or 'development'")
                .hasMessageContaining("staging");
    }

    @Test
    void frameworkPropertiesPointIntoTheHome() throws Exception {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("SNACKBASE_PORT", "9200"), DEFAULT_HOME);
        ConsoleCredentials console = ConsoleCredentials.resolve(Map.of("SNACKBASE_CONSOLE_PASSWORD", "long-enough-1"),
                Path.of("/nonexistent"), new java.security.SecureRandom());
        Map<String, String> props = FrameworkProperties.of(settings, console);
        assertThat(props)
                .containsEntry("org.osgi.service.http.port", "9200")
                .containsEntry("org.osgi.framework.storage", "/opt/snackbase/data/felix-cache")
                .containsEntry("felix.fileinstall.dir", "/opt/snackbase/conf,/opt/snackbase/plugins")
                .containsEntry("felix.fileinstall.enableConfigSave", "false")
                .containsEntry("org.osgi.framework.startlevel.beginning", "3")
                .containsEntry("felix.cm.config.plugins", "org.apache.felix.configadmin.plugin.interpolation")
                .containsEntry("felix.webconsole.username", "admin")
                .containsEntry("snackbase.environment", "production");
        assertThat(props.get("felix.webconsole.password")).startsWith("{sha-256}").doesNotContain("long-enough-1");
    }
}
