package org.chizu.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.mail.MailOutbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells applicants by e-mail what the lottery did, through the platform's {@link MailOutbox} in the
 * transaction of the draw or the release, so that a mail goes if and only if that happened: one
 * message per address with every entry it made (won or not, and the deadline to confirm), and later
 * one to each winner whose unconfirmed slot was released.
 */
@Component
class LotteryMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;
    private final BookingProperties properties;

    LotteryMail(JdbcTemplate jdbc, MailOutbox outbox, BookingProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.properties = properties;
    }

    private record Line(String unitJa, String unitEn, OffsetDateTime start, OffsetDateTime end, boolean won) {

        String slot() {
            return WHEN.format(start) + "–" + end.toLocalTime();
        }
    }

    /** Each applicant's results of the drawn lottery. */
    void results(Lottery lottery) {
        String confirmBy = WHEN.format(lottery.confirmBy().atZone(properties.zone()));
        entriesByAddress(lottery.id(), "e.won is not null").forEach((address, lines) -> {
            StringBuilder ja = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (Line line : lines) {
                ja.append(line.won() ? "当選　" : "落選　").append(line.unitJa()).append("　").append(line.slot()).append('\n');
                en.append(line.won() ? "Won   " : "Lost  ").append(line.unitEn()).append("  ").append(line.slot()).append('\n');
            }
            boolean anyWon = lines.stream().anyMatch(Line::won);
            outbox.queue("lottery " + lottery.id(), address, "【抽選結果】" + lottery.month() + " の施設抽選 / Lottery results for " + lottery.month(),
                    """
                    %s の施設抽選の結果です。
                    %s%s
                    The results of the facility lottery for %s:
                    %s%s""".formatted(lottery.month(), ja, anyWon ? "当選した枠は " + confirmBy + " までに /booking で確定してください。"
                            + "確定しない枠は取り消され、先着順で予約できるようになります。\n" : "",
                            lottery.month(), en, anyWon ? "Confirm the slots you won on /booking by " + confirmBy
                            + " (Japan time); unconfirmed slots are released to first come, first served.\n" : ""));
        });
    }

    /** Each winner whose slots were released unconfirmed. */
    void released(Lottery lottery, List<Long> bookingIds) {
        if (bookingIds.isEmpty()) {
            return;
        }
        entriesByAddress(lottery.id(), "e.booking_id = any(?)", (Object) bookingIds.toArray(Long[]::new)).forEach((address, lines) -> {
            StringBuilder slots = new StringBuilder();
            lines.forEach(line -> slots.append(line.unitJa()).append(" / ").append(line.unitEn()).append("  ").append(line.slot()).append('\n'));
            outbox.queue("lottery " + lottery.id(), address, "【取消】確定されなかった当選枠 / Unconfirmed lottery slots released",
                    """
                    確定の期限までに確定されなかったため、次の当選枠を取り消しました。これらの枠は先着順で予約できます。
                    The following slots you won were not confirmed in time and have been released to first come, first served.
                    %s""".formatted(slots));
        });
    }

    private Map<String, List<Line>> entriesByAddress(long lotteryId, String condition, Object... arguments) {
        Map<String, List<Line>> byAddress = new LinkedHashMap<>();
        List<Object> parameters = new ArrayList<>(List.of(lotteryId));
        parameters.addAll(List.of(arguments));
        jdbc.query("""
                select e.notify_to, u.name_ja, coalesce(u.name_en, u.name_ja) as name_en, lower(e.period) as starts,
                       upper(e.period) as ends, coalesce(e.won, false) as won
                from booking_lottery_entry e join booking_unit u on u.id = e.unit_id
                where e.lottery_id = ? and e.notify_to is not null and %s
                order by e.notify_to, lower(e.period), e.id""".formatted(condition), rs -> {
            byAddress.computeIfAbsent(rs.getString("notify_to"), address -> new ArrayList<>()).add(new Line(rs.getString("name_ja"),
                    rs.getString("name_en"), local(rs.getObject("starts", OffsetDateTime.class)),
                    local(rs.getObject("ends", OffsetDateTime.class)), rs.getBoolean("won")));
        }, parameters.toArray());
        return byAddress;
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(properties.zone()).toOffsetDateTime();
    }
}
