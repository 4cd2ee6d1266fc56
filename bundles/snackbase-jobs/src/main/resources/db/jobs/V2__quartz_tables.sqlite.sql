-- One process owns an SQLite file, so JobScheduler runs Quartz on its in-memory RAMJobStore there and
-- keeps the schedules durable in this table instead of Quartz's (which exist on PostgreSQL and
-- MySQL/MariaDB, where several instances share them through Quartz's clustered JDBC job store).
-- request is the JobRequest enqueued at each firing, as JSON.
CREATE TABLE job_schedules (
  id VARCHAR(200) PRIMARY KEY,
  cron VARCHAR(120) NOT NULL,
  request TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
