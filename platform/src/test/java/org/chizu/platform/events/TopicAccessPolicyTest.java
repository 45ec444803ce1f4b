package org.chizu.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.chizu.platform.Audience;
import org.junit.jupiter.api.Test;

class TopicAccessPolicyTest {

    @Test
    void publicTopicsAreOpenToEveryone() {
        assertThat(TopicAccessPolicy.allows("alerts", Audience.PUBLIC, null)).isTrue();
        assertThat(TopicAccessPolicy.allows("queue.board.3", Audience.PUBLIC, null)).isTrue();
        assertThat(TopicAccessPolicy.allows("staffing", Audience.PUBLIC, null)).isTrue();
    }

    @Test
    void staffTopicsAreForStaffOnly() {
        assertThat(TopicAccessPolicy.allows("staff.reports", Audience.PUBLIC, null)).isFalse();
        assertThat(TopicAccessPolicy.allows("staff", Audience.PUBLIC, "resident")).isFalse();
        assertThat(TopicAccessPolicy.allows("staff.reports", Audience.STAFF, "tanaka")).isTrue();
    }

    @Test
    void aUsersTopicIsForThatUserAloneEvenForOtherStaff() {
        assertThat(TopicAccessPolicy.allows("user.tanaka.jobs", Audience.STAFF, "tanaka")).isTrue();
        assertThat(TopicAccessPolicy.allows("user.tanaka.jobs", Audience.STAFF, "suzuki")).isFalse();
        assertThat(TopicAccessPolicy.allows("user.tanaka.jobs", Audience.PUBLIC, null)).isFalse();
    }

    @Test
    void aNameWithDotsOwnsOnlyItsOwnTopicsNotThoseOfALongerName() {
        assertThat(TopicAccessPolicy.allows("user.a.b.jobs", Audience.STAFF, "a.b")).isTrue();
        assertThat(TopicAccessPolicy.allows("user.a.b.jobs", Audience.STAFF, "a")).isFalse();
        assertThat(TopicAccessPolicy.allows("user.a.jobs", Audience.STAFF, "a.b")).isFalse();
    }

    @Test
    void aResidentNamedByEmailAddressOwnsTheTopicMadeOfItsDigestAndNoOneElse() {
        String hanakos = Topics.ofUser("hanako@example.jp", "jobs");

        assertThat(hanakos).matches("user\\.h-[0-9a-f]{24}\\.jobs");
        assertThat(TopicAccessPolicy.allows(hanakos, Audience.PUBLIC, "hanako@example.jp")).isTrue();
        assertThat(TopicAccessPolicy.allows(hanakos, Audience.PUBLIC, "taro@example.jp")).isFalse();
        assertThat(TopicAccessPolicy.allows(hanakos, Audience.STAFF, "tanaka")).isFalse();
        assertThat(TopicAccessPolicy.allows(hanakos, Audience.PUBLIC, null)).isFalse();
    }
}
