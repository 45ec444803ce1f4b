package org.chizu.platform.jobs;

import org.chizu.platform.events.LiveEvents;

/**
 * The live-events topics that announce job changes: every job on {@link #STAFF} for staff, each
 * owner's own on {@code user.<owner>.jobs}. The publisher and the pages that follow them both ask here.
 */
public final class JobTopics {

    public static final String STAFF = "staff.jobs";

    private static final String OWNER_LEAF = "jobs";

    private JobTopics() {
    }

    /** The topic of {@code owner}'s jobs, which only {@code owner} may follow. */
    public static String ofOwner(String owner) {
        return LiveEvents.userTopic(owner, OWNER_LEAF);
    }
}
