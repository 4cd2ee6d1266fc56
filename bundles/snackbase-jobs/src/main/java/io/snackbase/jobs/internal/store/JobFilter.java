package io.snackbase.jobs.internal.store;

/** The admin list's filters (null: any) and page. */
public class JobFilter {
    public String status;
    public String queue;
    public String topic;
    public int limit = 50;
    public int offset;
}
