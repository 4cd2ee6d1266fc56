package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.SchemaModule;

/** The applied schema of one bundle, registered as its readiness signal. */
record SchemaModuleImpl(String module, int version) implements SchemaModule {}
