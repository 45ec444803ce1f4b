package org.chizu.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chizu.platform.Label;

/**
 * A stored report with everything staff see, the resident's contact included. What the public may
 * see of it is {@link #publicView()}.
 */
public record Report(
        long id,
        UUID token,
        String category,
        String description,
        ReportStatus status,
        Moderation moderation,
        String reporterName,
        String reporterEmail,
        String reporterPhone,
        String channel,
        Map<String, List<String>> attributes,
        String routeNo,
        String roadName,
        String pipeId,
        String bodyCode,
        Label body,
        String bodyContact,
        int supporters,
        int photos,
        OffsetDateTime reportedAt,
        OffsetDateTime updatedAt,
        double lon,
        double lat,
        List<ReportUpdate> updates,
        String municipalityCode,
        Work work) {

    public Report {
        attributes = Map.copyOf(attributes);
        updates = List.copyOf(updates);
    }

    /**
     * Who does a report's work, how urgent it is and by when: staff only.
     *
     * @param assignee a staff account's sign-in name, or null while nobody is assigned
     * @param dueOn    the day it should be done by, or null
     */
    public record Work(String assignee, Priority priority, LocalDate dueOn) {

        public static final Work UNASSIGNED = new Work(null, Priority.NORMAL, null);
    }

    public boolean isPublic() {
        return moderation == Moderation.ACCEPTED;
    }

    /** The last note staff wrote for the public, or null. */
    public String latestNote() {
        return updates.stream().map(ReportUpdate::note).filter(n -> n != null && !n.isBlank())
                .reduce((first, second) -> second).orElse(null);
    }

    public PublicReport publicView() {
        return new PublicReport(id, category, description, status.id(), status.label(), routeNo, roadName, body,
                supporters, photos, reportedAt, updatedAt, lon, lat, updates);
    }

    /** The report as its reporter follows it through the private link: nothing that names a person. */
    public FollowedReport followView() {
        return new FollowedReport(id, category, description, status.id(), status.label(), moderation.id(), routeNo,
                roadName, body, bodyContact, photos, reportedAt, updatedAt, lon, lat, updates);
    }

    /** A report as the public sees it: no name, e-mail, phone, token or pipe. */
    public record PublicReport(long id, String category, String description, String status, Label statusLabel,
            String routeNo, String roadName, Label body, int supporters, int photos, OffsetDateTime reportedAt,
            OffsetDateTime updatedAt, double lon, double lat, List<ReportUpdate> updates) {
    }

    /**
     * A report as its reporter sees it through the private follow link, whether or not it is public
     * yet: its status, moderation (new: waiting for review; accepted: public; rejected: never shown)
     * history with the staff's notes, and how many photos they sent. No name, e-mail, phone, token or pipe.
     */
    public record FollowedReport(long id, String category, String description, String status, Label statusLabel,
            String moderation, String routeNo, String roadName, Label body, String bodyContact, int photos,
            OffsetDateTime reportedAt, OffsetDateTime updatedAt, double lon, double lat, List<ReportUpdate> updates) {
    }
}
