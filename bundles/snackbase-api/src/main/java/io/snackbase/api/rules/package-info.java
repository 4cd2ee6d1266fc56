/**
 * The rule and filter expression language: compiling collection rules and record filters to SQL
 * {@code WHERE} fragments with bound parameters, and evaluating conditions in memory.
 */
@Export
@Version("1.1.0")
package io.snackbase.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
