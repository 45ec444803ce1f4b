package org.chizu.platform.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a job is in its life: queued → running → done, or failed once its attempts are used up.
 * A queued job that is cancelled is {@code cancelled} at once; a running one when its handler has
 * stopped. A done job's result is deleted when it expires, and the job becomes {@code expired}.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED,
    EXPIRED;

    /** The name in the database and in JSON ("queued"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Queued and running jobs count against their owner's quota and may be cancelled. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /**
     * @throws IllegalArgumentException when the id names no state
     */
    public static JobState fromId(String id) {
        return Arrays.stream(values()).filter(state -> state.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job state '" + id + "': use one of "
                        + Arrays.stream(values()).map(JobState::id).collect(Collectors.joining(", "))));
    }
}
