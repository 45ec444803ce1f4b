package org.chizu.platform.events;

import java.security.Principal;
import java.util.Collection;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.springframework.stereotype.Component;

/**
 * Who may follow which topic, decided in this one place: {@code staff.…} topics are for signed-in
 * staff, {@code user.<name>.<leaf>} topics for that signed-in user alone (a job's progress for its
 * owner), every other topic for everyone (queue boards, alerts).
 */
@Component
class TopicAccessPolicy {

    private final RequestAudience audience;

    TopicAccessPolicy(RequestAudience audience) {
        this.audience = audience;
    }

    /**
     * @param user the signed-in user, or null for the anonymous public
     * @throws EventsProblem (403) naming the first topic the current request may not follow
     */
    void check(Collection<String> topics, Principal user) {
        Audience asking = audience.get();
        String name = user == null ? null : user.getName();
        topics.stream().filter(topic -> !allows(topic, asking, name)).findFirst().ifPresent(topic -> {
            throw EventsProblem.forbidden(topic);
        });
    }

    static boolean allows(String topic, Audience audience, String userName) {
        if (Topics.isStaffOnly(topic)) {
            return audience == Audience.STAFF;
        }
        return Topics.owner(topic).map(owner -> userName != null && owner.equals(Topics.userPart(userName))).orElse(true);
    }
}
