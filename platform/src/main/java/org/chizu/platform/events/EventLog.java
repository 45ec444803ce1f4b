package org.chizu.platform.events;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The table of recent events ({@code live_event}), the one source every process delivers from: a
 * notification only says that there is something new after the last id a process delivered.
 */
@Component
class EventLog {

    /** The channel every listening process LISTENs on; the payload is the last id appended, for logs only. */
    static final String CHANNEL = "chizu_live_events";
    /** The advisory lock publishers hold from their inserts to their commit ("live_event" in ASCII). */
    static final long APPEND_LOCK = 0x6c6976655f6576L;

    private static final RowMapper<StoredEvent> ROW =
            (rs, i) -> new StoredEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("data"));

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends events in the caller's transaction and notifies the listening processes when it commits.
     * The lock makes ids follow commit order: a transaction appends only once the one before it has
     * committed, so no event can later appear before an id that a client has already seen.
     */
    void append(List<NewEvent> events) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK);
        long last = 0;
        for (NewEvent event : events) {
            last = jdbc.queryForObject("""
                    insert into live_event (topic, data) values (?, cast(? as jsonb)) returning id
                    """, Long.class, event.topic(), event.data());
        }
        jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, Long.toString(last));
    }

    /** Events of any topic after {@code id}, oldest first. */
    List<StoredEvent> after(long id, int limit) {
        return jdbc.query("""
                select id, topic, data::text as data from live_event where id > ? order by id limit ?
                """, ROW, id, limit);
    }

    /** Events of these topics after {@code id}, oldest first. */
    List<StoredEvent> after(long id, Collection<String> topics, int limit) {
        return jdbc.query("""
                select id, topic, data::text as data from live_event
                where id > ? and topic = any(?) order by id limit ?
                """, ROW, id, topics.toArray(String[]::new), limit);
    }

    /** The id of the last event kept, or 0 when none is. */
    long lastId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from live_event", Long.class);
    }

    /** Deletes the events older than {@code keepFor} and all but the newest {@code keepAtMost}. */
    int prune(Duration keepFor, int keepAtMost) {
        return jdbc.update("""
                delete from live_event
                where published_at < now() - make_interval(secs => ?)
                   or id <= (select id from live_event order by id desc offset ? limit 1)
                """, keepFor.toMillis() / 1000.0, keepAtMost);
    }

    /** An event to append: its topic and data as JSON text. */
    record NewEvent(String topic, String data) {
    }
}
