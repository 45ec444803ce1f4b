package org.chizu.opendata.version;

import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes feature states superseded longer ago than the retention period, once a day. */
@Component
public class HistoryPruning {

    private static final Logger log = LoggerFactory.getLogger(HistoryPruning.class);

    private final JdbcTemplate jdbc;
    private final LayerVersions versions;

    public HistoryPruning(JdbcTemplate jdbc, LayerVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** @return how many superseded states were deleted */
    @Scheduled(cron = "${chizu.open-data.pruning-cron:0 17 3 * * *}")
    public int prune() {
        int deleted = jdbc.update("delete from feature_history where valid_to < ?", Timestamp.from(versions.oldestRetained()));
        if (deleted > 0) {
            log.info("pruned {} feature states older than the retention period", deleted);
        }
        return deleted;
    }
}
