package org.chizu.platform.jobs;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** The owner already has as many queued and running jobs as {@code chizu.jobs.max-active-per-owner} allows. */
public class JobQuotaExceededException extends ProblemException {

    public static final String QUOTA = "chizu.jobs.max-active-per-owner";

    private final String owner;
    private final int limit;

    public JobQuotaExceededException(String owner, int limit) {
        super(429, "job-quota-exceeded", "Too many jobs", "'" + owner + "' already has " + limit
                + " queued or running jobs, the most allowed (" + QUOTA + "); wait for one to finish or cancel one.");
        this.owner = owner;
        this.limit = limit;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("quota", QUOTA, "limit", limit, "owner", owner);
    }
}
