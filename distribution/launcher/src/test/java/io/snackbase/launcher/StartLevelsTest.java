package io.snackbase.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartLevelsTest {

    @ParameterizedTest
    @CsvSource({
        "org.apache.aries.spifly.dynamic.bundle, 1",
        "org.objectweb.asm, 1",
        "org.objectweb.asm.tree.analysis, 1",
        "slf4j.api, 2",
        "jul.to.slf4j, 2",
        "ch.qos.logback.classic, 2",
        "ch.qos.logback.core, 2",
        "org.apache.felix.scr, 3",
        "org.apache.felix.fileinstall, 3",
        "io.snackbase.rest, 3",
        "slf4j.simple, 3"
    })
    void weavingFirstThenLoggingThenEverythingElse(String symbolicName, int expected) {
        assertThat(StartLevels.forSymbolicName(symbolicName)).isEqualTo(expected);
    }
}
