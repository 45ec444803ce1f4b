package org.chizu.reports.photos;

import java.util.Arrays;
import java.util.Optional;


/** The photo formats accepted, told apart by their first bytes ("magic numbers"), never by name. */
enum PhotoType {
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final byte[] magic;

    PhotoType(byte[] magic) {
        this.magic = magic;
    }

    /** The type the upload's first bytes tell, if it is one accepted. */
    static Optional<PhotoType> of(byte[] upload) {
        return Arrays.stream(values()).filter(type -> upload.length >= type.magic.length
                && Arrays.equals(upload, 0, type.magic.length, type.magic, 0, type.magic.length)).findFirst();
    }
}
