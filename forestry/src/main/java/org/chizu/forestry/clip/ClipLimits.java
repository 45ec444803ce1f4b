package org.chizu.forestry.clip;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one clip job and one organisation may take ({@code chizu.forestry.clip.*}), as OpenTopography
 * limits its point-cloud jobs: a job estimated above the first, or an organisation whose jobs this
 * month (Japan time) would pass the second, is refused before it starts.
 *
 * @param maxPointsPerJob                  the most points one job may clip (250 million by default)
 * @param maxPointsPerOrganisationPerMonth the most points an organisation's jobs may clip in a month (2 billion)
 */
@ConfigurationProperties("chizu.forestry.clip")
public record ClipLimits(Long maxPointsPerJob, Long maxPointsPerOrganisationPerMonth) {

    public static final String PER_JOB = "chizu.forestry.clip.max-points-per-job";
    public static final String PER_ORGANISATION = "chizu.forestry.clip.max-points-per-organisation-per-month";

    public ClipLimits {
        maxPointsPerJob = maxPointsPerJob == null ? 250_000_000L : maxPointsPerJob;
        maxPointsPerOrganisationPerMonth = maxPointsPerOrganisationPerMonth == null ? 2_000_000_000L : maxPointsPerOrganisationPerMonth;
    }
}
