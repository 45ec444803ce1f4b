package org.chizu.booking;

import java.time.Clock;
import java.util.Map;

import org.chizu.platform.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident takes back a lottery entry (申込の取下げ) while applications are open. The entry is
 * deleted, so the draw never sees it and the slot may be entered again; the withdrawal is written to
 * the audit log in the same transaction. The lottery's row is locked as entering and drawing lock it,
 * so a withdrawal cannot slip in beside a draw.
 */
@Service
public class LotteryWithdrawals {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Lotteries lotteries;
    private final BookingProperties properties;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public LotteryWithdrawals(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Lotteries lotteries,
                              BookingProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lotteries = lotteries;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * @throws BookingProblem 404 for an entry that is not the account's (in that lottery), 409 once its lottery's
     *                        applications have closed (drawn or not)
     */
    public void withdraw(long lotteryId, long entryId, long accountId) {
        transactions.executeWithoutResult(status -> {
            Lottery.Entry entry = lotteries.entryOf(lotteryId, entryId, accountId).orElseThrow(() -> BookingProblem.unknownEntry(entryId));
            jdbc.queryForObject("select id from booking_lottery where id = ? for update", Long.class, entry.lotteryId());
            Lottery lottery = lotteries.find(entry.lotteryId());
            if (lottery.drawn() || !clock.instant().isBefore(lottery.applicationsClose())) {
                throw BookingProblem.applicationsClosed(lottery, entryId,
                        lottery.applicationsClose().atZone(properties.zone()).toOffsetDateTime());
            }
            jdbc.update("delete from booking_lottery_entry where id = ?", entryId);
            audit.record("booking.lottery.withdraw", "lottery entry " + entryId, Map.of("lottery", lottery.id(),
                    "month", lottery.month().toString(), "unit", entry.unitId(), "start", entry.start().toString(),
                    "end", entry.end().toString(), "account", accountId));
        });
    }
}
