package org.chizu.platform.mail;

import java.util.Objects;

/**
 * A file attached to a queued e-mail.
 *
 * @param filename    the name the recipient sees, Japanese allowed (sent RFC 2231-encoded)
 * @param contentType its media type, with a charset where it is text ({@code text/csv; charset=Shift_JIS})
 * @param content     the file's bytes
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
