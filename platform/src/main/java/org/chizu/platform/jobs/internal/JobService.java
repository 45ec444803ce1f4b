package org.chizu.platform.jobs.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.chizu.platform.Label;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobFinishedException;
import org.chizu.platform.jobs.JobHandler;
import org.chizu.platform.jobs.JobPage;
import org.chizu.platform.jobs.JobQuotaExceededException;
import org.chizu.platform.jobs.JobResultUnavailableException;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.chizu.platform.jobs.UnknownJobException;
import org.chizu.platform.jobs.UnknownJobKindException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Jobs} on the {@code job} table; the workers run what it queues. */
@Service
class JobService implements Jobs {

    private static final int MAX_PAGE_SIZE = 200;

    private final JobStore store;
    private final JobHandlers handlers;
    private final JobFiles files;
    private final JobProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<JobWorkers> workers;

    JobService(JobStore store, JobHandlers handlers, JobFiles files, JobProperties properties, TransactionTemplate transaction,
            ApplicationEventPublisher events, ObjectProvider<JobWorkers> workers) {
        this.store = store;
        this.handlers = handlers;
        this.files = files;
        this.properties = properties;
        this.transaction = transaction;
        this.events = events;
        this.workers = workers;
    }

    @Override
    public Label kindTitle(String kind) {
        return handlers.of(kind).map(JobHandler::title).orElse(new Label(kind, kind));
    }

    @Override
    public Job submit(String kind, String owner, Object payload) {
        if (handlers.of(kind).isEmpty()) {
            throw new UnknownJobKindException(kind);
        }
        Job job = transaction.execute(tx -> {
            store.lockOwner(owner);
            if (store.activeJobs(owner) >= properties.maxActivePerOwner()) {
                throw new JobQuotaExceededException(owner, properties.maxActivePerOwner());
            }
            Job queued = store.insert(kind, owner, payload, properties.maxAttempts());
            // Told in the inserting transaction, so "queued" is heard before a worker's "running".
            events.publishEvent(JobChanged.of(queued));
            return queued;
        });
        return job;
    }

    @Override
    public Optional<Job> find(long id) {
        return store.find(id);
    }

    @Override
    public JobPage list(String owner, JobState state, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return new JobPage(store.list(owner, state, size, (long) page * size), page, size, store.count(owner, state));
    }

    @Override
    public Job cancel(long id) {
        Optional<Job> cancelled = store.cancel(id);
        if (cancelled.isEmpty()) {
            Job job = store.find(id).orElseThrow(() -> new UnknownJobException(id));
            if (job.state() == JobState.CANCELLED) {
                return job;
            }
            throw new JobFinishedException(id, job.state());
        }
        Job job = cancelled.get();
        // Told before the worker stops, so that nobody hears "running, cancel asked" after the worker's "cancelled".
        events.publishEvent(JobChanged.of(job));
        // A worker of this process stops at once; other processes hear it at their next lease renewal or progress report.
        workers.ifAvailable(local -> local.stopRequested(id));
        return job;
    }

    @Override
    public Path resultFile(Job job) {
        if (job.state() != JobState.DONE || job.result() == null) {
            throw new JobResultUnavailableException(job.id(), job.state());
        }
        return store.resultPath(job.id()).map(files::resolve).filter(Files::isRegularFile)
                .orElseThrow(() -> new JobResultUnavailableException(job.id(), JobState.EXPIRED));
    }
}
