package org.chizu.reports.photos;

import java.util.Arrays;

import org.chizu.platform.Label;
import org.chizu.reports.ReportProblem;
import org.springframework.http.HttpStatus;

/** The photo formats accepted, told apart by their first bytes ("magic numbers"), never by name. */
enum PhotoType {
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final byte[] magic;

    PhotoType(byte[] magic) {
        this.magic = magic;
    }

    /** @throws ReportProblem (415) for any other content, HEIC included: phones convert it to JPEG on upload */
    static PhotoType of(byte[] upload) {
        for (PhotoType type : values()) {
            if (upload.length >= type.magic.length
                    && Arrays.equals(upload, 0, type.magic.length, type.magic, 0, type.magic.length)) {
                return type;
            }
        }
        throw new ReportProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type", "Photo type not accepted",
                new Label("写真は JPEG か PNG で送ってください（HEIC は JPEG に変換して送られます）。",
                        "Send photos as JPEG or PNG (HEIC photos are sent as JPEG by the page)."));
    }
}
