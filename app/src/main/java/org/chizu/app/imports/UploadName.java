package org.chizu.app.imports;

/**
 * The name an uploaded file is known by, as its owner's browser sent it: only the last part of a
 * path, and at most {@value #MAX_LENGTH} characters (a longer one keeps its end, where the format's
 * extension is). It names the file in messages and the audit log and tells the format; the file
 * itself is stored under a name the server chooses.
 */
final class UploadName {

    static final int MAX_LENGTH = 200;
    private static final String UNNAMED = "upload";

    private UploadName() {
    }

    /**
     * @throws IllegalArgumentException when the name holds a NUL or other control character
     */
    static String of(String sent) {
        if (sent == null || sent.isBlank()) {
            return UNNAMED;
        }
        if (sent.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the uploaded file's name holds a control character (such as NUL): rename the file");
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            return UNNAMED;
        }
        return name.codePointCount(0, name.length()) <= MAX_LENGTH ? name
                : "…" + name.substring(name.offsetByCodePoints(name.length(), 1 - MAX_LENGTH));
    }
}
