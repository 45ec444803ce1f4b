package org.chizu.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lottery's draw, from published data alone, so that anyone can re-run it (algorithm
 * {@value #ALGORITHM}):
 * <ol>
 *   <li>each entry of weight w draws w tickets: ticket i is the first 16 hex digits of
 *       SHA-256("&lt;seed&gt;:&lt;entry id&gt;:&lt;i&gt;") (UTF-8), i = 1 … w; the entry keeps the lowest;</li>
 *   <li>entries are taken by priority (highest first), then ticket (lowest first), then id;</li>
 *   <li>an entry wins when its period overlaps neither a period blocked when the draw ran nor one
 *       already won, on its unit; otherwise it loses.</li>
 * </ol>
 * Integers and hashes only, no floating point: the same seed and entries give the same winners anywhere.
 * Before the draw, the lottery publishes {@link #commitment} of its seed; the seed revealed at the
 * draw must hash to it.
 */
public final class LotteryDraw {

    public static final String ALGORITHM = "sha256-tickets-v1";

    private LotteryDraw() {
    }

    /** An entry as published: its id, unit and period, priority and weight. */
    public record Entry(long id, long unitId, Instant start, Instant end, int priority, int weight) {
    }

    /** A unit's period already taken when the draw ran (a booking, a staff block). */
    public record Blocked(long unitId, Instant start, Instant end) {
    }

    /** One line of the draw's log, in the order the entries were taken. */
    public record Outcome(long entryId, String ticket, boolean won) {
    }

    /** The draw's log: every entry in the order taken, with its ticket and whether it won. */
    public static List<Outcome> draw(String seed, List<Entry> entries, List<Blocked> blocked) {
        Map<Long, TreeMap<Instant, Instant>> taken = new HashMap<>();
        for (Blocked period : blocked) {
            take(taken, period.unitId(), period.start(), period.end());
        }
        record Drawn(Entry entry, String ticket) {
        }
        List<Drawn> order = new ArrayList<>(entries.size());
        MessageDigest sha256 = sha256();
        for (Entry entry : entries) {
            order.add(new Drawn(entry, ticket(sha256, seed, entry)));
        }
        order.sort(Comparator.comparingInt((Drawn d) -> -d.entry().priority()).thenComparing(Drawn::ticket)
                .thenComparingLong(d -> d.entry().id()));
        List<Outcome> log = new ArrayList<>(order.size());
        for (Drawn drawn : order) {
            Entry entry = drawn.entry();
            boolean won = isFree(taken.get(entry.unitId()), entry.start(), entry.end());
            if (won) {
                take(taken, entry.unitId(), entry.start(), entry.end());
            }
            log.add(new Outcome(entry.id(), drawn.ticket(), won));
        }
        return log;
    }

    /** The seed's commitment: hex SHA-256 of its UTF-8 bytes. */
    public static String commitment(String seed) {
        return HexFormat.of().formatHex(sha256().digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String ticket(MessageDigest sha256, String seed, Entry entry) {
        String best = null;
        for (int i = 1; i <= entry.weight(); i++) {
            byte[] hash = sha256.digest((seed + ":" + entry.id() + ":" + i).getBytes(StandardCharsets.UTF_8));
            String ticket = HexFormat.of().formatHex(hash, 0, 8);
            if (best == null || ticket.compareTo(best) < 0) {
                best = ticket;
            }
        }
        return best;
    }

    private static boolean isFree(TreeMap<Instant, Instant> taken, Instant start, Instant end) {
        if (taken == null) {
            return true;
        }
        Map.Entry<Instant, Instant> before = taken.lowerEntry(end);
        return before == null || !before.getValue().isAfter(start);
    }

    private static void take(Map<Long, TreeMap<Instant, Instant>> taken, long unitId, Instant start, Instant end) {
        taken.computeIfAbsent(unitId, unit -> new TreeMap<>()).merge(start, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
