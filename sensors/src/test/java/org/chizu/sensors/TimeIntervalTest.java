package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SensorThings times are read as ISO 8601 says, in whatever form a device writes them. */
class TimeIntervalTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-08T09:00:00Z", "2026-12-08T09:00:00.5Z", "2026-12-08T09:00:00.123Z", "2026-12-08T09:00:00.123456789Z",
            "2024-02-29T23:59:59.000001Z", "2026-12-08T18:00:00+09:00", "2026-12-08T09:00Z", "2026-12-08T09:00:00.Z", " 2026-12-08T09:00:00Z "})
    void readsEachFormAsTheIsoParserDoes(String text) {
        assertThat(TimeInterval.instant(text)).isEqualTo(OffsetDateTime.parse(text.strip()).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:00:00Z", "2026-12-08T24:00:00Z", "2026-12-08T09:00:60Z",
            "2026-12-08T09:00:00.1234567890Z", "2026-1a-08T09:00:00Z", "2026-12-08 09:00:00Z", "2026-12-08T09:00:00"})
    void refusesWhatIsNotAnIsoTimeWithAnOffset(String text) {
        assertThatThrownBy(() -> TimeInterval.instant(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void readsAnIntervalAsItsTwoEnds() {
        assertThat(TimeInterval.parse("2026-12-08T09:00:00Z/2026-12-08T10:00:00.250Z")).isEqualTo(new TimeInterval(Instant.parse("2026-12-08T09:00:00Z"), Instant.parse("2026-12-08T10:00:00.250Z")));
    }
}
