package org.chizu.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The record of what staff and administrators changed (table {@code audit_log}, append-only): a module
 * calls {@link #record} where a change is made, inside the change's transaction when it has one, so
 * the change and its record commit together. Who and from where come from the request being served,
 * or, for {@code ./chizu} commands, the operating-system user, from {@value #COMMAND_LINE}.
 */
@Component
public class AuditLog {

    /** One record. {@code details} is a JSON object. */
    public record Entry(long id, Instant at, String actor, String address, String action, String target, JsonNode details) {
    }

    /** A page of records, newest first. */
    public record Page(List<Entry> entries, int page, int size, long total) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a change made by a {@code ./chizu} command came from. */
    public static final String COMMAND_LINE = "command line";

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a change.
     *
     * @param action  what was done, as {@code subject.verb} ({@code report.status}, {@code layer.declare})
     * @param target  what it was done to ({@code report 12}, {@code layer roads}, {@code account tanaka})
     * @param details what else says what changed (never a password or token)
     */
    public void record(String action, String target, Map<String, ?> details) {
        try {
            jdbc.update("insert into audit_log (actor, address, action, target, details) values (?, ?, ?, ?, ?::jsonb)",
                    actor(), address(), action, target, JSON.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON: " + e.getMessage(), e);
        }
    }

    public Page page(int page, int size) {
        List<Entry> entries = jdbc.query("""
                select id, at, actor, address, action, target, details::text from audit_log
                order by id desc limit ? offset ?""", (row, i) -> new Entry(row.getLong(1), row.getTimestamp(2).toInstant(),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), json(row.getString(7))),
                size, (long) page * size);
        Long total = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        return new Page(entries, page, size, total == null ? 0 : total);
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return authentication.getName();
        }
        return isRequest() ? "anonymous" : System.getProperty("user.name");
    }

    private static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : COMMAND_LINE;
    }

    private static boolean isRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
