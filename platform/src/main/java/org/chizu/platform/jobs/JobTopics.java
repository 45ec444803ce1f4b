package org.chizu.platform.jobs;

import java.util.Optional;

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

    /**
     * The topic of {@code owner}'s jobs; none for an owner whose name cannot be part of a topic
     * (upper case, '@' as in a resident's e-mail address …): their pages poll instead.
     */
    public static Optional<String> ofOwner(String owner) {
        try {
            return Optional.of(LiveEvents.userTopic(owner, OWNER_LEAF));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
