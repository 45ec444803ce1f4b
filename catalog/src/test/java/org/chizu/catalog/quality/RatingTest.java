package org.chizu.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingTest {

    @ParameterizedTest
    @CsvSource({"405, 405, EXCELLENT", "351, 405, EXCELLENT", "350, 405, GOOD", "221, 405, GOOD", "220, 405, SUFFICIENT",
            "121, 405, SUFFICIENT", "120, 405, BAD", "0, 405, BAD"})
    void mqaBandsHoldOnMqasOwnMaximum(int score, int max, Rating expected) {
        assertThat(Rating.of(score, max)).isEqualTo(expected);
    }

    @Test
    void onFewerMeasuredPointsTheBandsAreTheSameShares() {
        assertThat(Rating.of(325, 375)).as("325/375 ≥ 351/405").isEqualTo(Rating.EXCELLENT);
        assertThat(Rating.of(300, 375)).isEqualTo(Rating.GOOD);
        assertThat(Rating.of(0, 0)).as("nothing measured").isEqualTo(Rating.BAD);
    }
}
