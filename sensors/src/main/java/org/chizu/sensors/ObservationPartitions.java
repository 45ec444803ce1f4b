package org.chizu.sensors;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of the observations table (UTC months of phenomenon time). A month within
 * {@link #MONTHS_BACK} before and {@link #MONTHS_AHEAD} after now gets its partition when first
 * written to, in a short transaction of its own; {@link ObservationPartitionsAhead} makes the coming
 * months ahead as well. Anything further away lands in the default partition, which a later
 * {@link #ensure} of its month moves into the month's own partition.
 */
@Component
public class ObservationPartitions {

    /** Back-filled history up to ten years old still gets monthly partitions. */
    public static final int MONTHS_BACK = 120;
    /** Months after the current one that get partitions (clocks of devices run ahead sometimes). */
    public static final int MONTHS_AHEAD = 3;

    private static final Logger log = LoggerFactory.getLogger(ObservationPartitions.class);
    private static final String LOCK_TIMEOUT = "2s";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    ObservationPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes the partitions of these months that fall within the kept range and do not exist yet. */
    void prepare(Set<YearMonth> months) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (YearMonth month : months) {
            if (!known.contains(month) && !month.isBefore(now.minusMonths(MONTHS_BACK)) && !month.isAfter(now.plusMonths(MONTHS_AHEAD))) {
                ensure(month);
            }
        }
    }

    /**
     * Makes the month's partition unless it exists, moving its rows out of the default partition.
     * It waits for locks at most {@link #LOCK_TIMEOUT}: a caller's own open transaction may hold
     * locks that attaching a partition needs, and its rows are safe in the default partition until
     * a later call (the daily one, at the latest) moves them.
     *
     * @return whether the partition exists now
     */
    public boolean ensure(YearMonth month) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
                jdbc.queryForObject("select sta_ensure_observation_partition(?)", Boolean.class, month.atDay(1));
            });
        } catch (DataAccessException e) {
            log.info("made no observation partition for {} this time: {}", month, e.getMostSpecificCause().getMessage());
            return false;
        }
        known.add(month);
        return true;
    }
}
