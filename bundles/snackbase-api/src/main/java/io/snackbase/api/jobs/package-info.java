/**
 * Background jobs: the {@link io.snackbase.api.jobs.JobHandler} whiteboard SPI, matched by topic, optionally on a cron schedule.
 */
@Export
@Version("1.2.0")
package io.snackbase.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
