package org.chizu.reports.open311;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.chizu.reports.CategoryAttribute;
import org.chizu.reports.Report;
import org.chizu.reports.ReportCategory;
import org.chizu.reports.ReportStatus;
import org.chizu.reports.ReportUpdate;

/**
 * Chizu's categories and reports as GeoReport v2 fields, in the standard's element order. Names and
 * notes come in the requested language (Japanese unless {@code lang=en}).
 */
final class Open311Representation {

    /** W3C date-time with the offset, to the second, as the standard requires. */
    static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String language;
    private final String baseUrl;

    /**
     * @param language "ja" or "en"
     * @param baseUrl  the application's URL, for photo links
     */
    Open311Representation(String language, String baseUrl) {
        this.language = language;
        this.baseUrl = baseUrl;
    }

    /** GeoReport v2 ids are strings (the XML cannot tell, JSON clients can), whatever the number behind them. */
    static String id(long id) {
        return Long.toString(id);
    }

    static String date(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(W3C);
    }

    Map<String, Object> service(ReportCategory category) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", category.name().in(language));
        service.put("description", category.description().in(language));
        service.put("metadata", !category.attributes().isEmpty());
        service.put("type", "realtime");
        service.put("keywords", category.keywords());
        service.put("group", category.group());
        return service;
    }

    Map<String, Object> definition(ReportCategory category) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", category.attributes().stream().map(this::attribute).toList());
        return definition;
    }

    private Map<String, Object> attribute(CategoryAttribute attribute) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("variable", true);
        fields.put("code", attribute.code());
        fields.put("datatype", attribute.datatype());
        fields.put("required", attribute.required());
        fields.put("datatype_description", null);
        fields.put("order", attribute.order());
        fields.put("description", attribute.description().in(language));
        if (attribute.isList()) {
            fields.put("values", attribute.values().stream().map(v -> {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", v.key());
                value.put("name", v.name());
                return value;
            }).toList());
        }
        return fields;
    }

    /** A public report as a service request; with extensions, its detailed status and notes history. */
    Map<String, Object> request(Report report, ReportCategory category, boolean extensions) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", id(report.id()));
        request.put("status", report.status().open311());
        request.put("status_notes", report.latestNote());
        request.put("service_name", category.name().in(language));
        request.put("service_code", report.category());
        request.put("description", report.description());
        request.put("agency_responsible", report.body().in(language));
        request.put("service_notice", null);
        request.put("requested_datetime", date(report.reportedAt()));
        request.put("updated_datetime", date(report.updatedAt()));
        request.put("expected_datetime", null);
        request.put("address", report.roadName() == null ? null
                : report.roadName() + (report.routeNo() == null ? "" : " (" + report.routeNo() + ")"));
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", report.lat());
        request.put("long", report.lon());
        request.put("media_url", report.photos() > 0 ? baseUrl + "/api/reports/" + report.id() + "/photos/1" : null);
        if (extensions) {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("detailed_status", report.status().name());
            extended.put("route_no", report.routeNo());
            extended.put("supporters", report.supporters());
            extended.put("media_urls", IntStream.rangeClosed(1, report.photos())
                    .mapToObj(n -> baseUrl + "/api/reports/" + report.id() + "/photos/" + n).toList());
            request.put("extended_attributes", extended);
            request.put("notes", report.updates().stream().map(this::note).toList());
        }
        return request;
    }

    private Map<String, Object> note(ReportUpdate update) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("datetime", date(update.at()));
        note.put("type", update.status());
        note.put("summary", ReportStatus.fromId(update.status()).label().in(language));
        note.put("description", update.note());
        return note;
    }

    /** One entry of the status-updates feed (the servicerequestupdates extension). */
    Map<String, Object> requestUpdate(ReportUpdate update) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("update_id", id(update.id()));
        fields.put("service_request_id", id(update.reportId()));
        fields.put("status", update.status().toUpperCase());
        fields.put("updated_datetime", date(update.at()));
        fields.put("description", update.note());
        fields.put("media_url", null);
        return fields;
    }
}
