package org.chizu.platform.problem;

import java.util.Map;

/**
 * A failure that a module reports to whoever asked, carrying what its RFC 9457 problem says: the
 * HTTP status, a short type ({@code urn:chizu:problem:<type>}), a title, the message as detail and
 * the members that name what and where. Modules throw it without knowing HTTP; the web layer turns
 * it into problem+json in one place.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    protected ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** The HTTP status: 404 for something that is not there, 422 for input that cannot be taken … */
    public int status() {
        return status;
    }

    /** The problem type's last part, such as {@code unknown-layer}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Members beside type, title, status and detail (the layer, the errors found …); none by default. */
    public Map<String, Object> members() {
        return Map.of();
    }
}
