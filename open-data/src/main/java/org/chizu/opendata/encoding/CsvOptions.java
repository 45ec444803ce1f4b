package org.chizu.opendata.encoding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * How a CSV download is written.
 *
 * @param charset UTF-8 (written with a byte-order mark, which Excel needs to recognise it) or
 *                Windows-31J, the Shift_JIS that Japanese Excel opens directly; characters it
 *                lacks become '?'
 * @param labels  whether the header row holds the attributes' Japanese labels (default) or their
 *                column names
 */
public record CsvOptions(Charset charset, boolean labels) {

    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    public static final CsvOptions DEFAULT = new CsvOptions(StandardCharsets.UTF_8, true);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Reads the {@code encoding} (utf-8, shift_jis) and {@code header} (labels, names) parameters.
     *
     * @throws IllegalArgumentException for other values
     */
    public static CsvOptions parse(String encoding, String header) {
        Charset charset = switch (encoding == null ? "utf-8" : encoding.strip().toLowerCase(Locale.ROOT)) {
            case "", "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "shift_jis", "sjis", "shift-jis", "windows-31j", "cp932" -> SHIFT_JIS;
            default -> throw new IllegalArgumentException("encoding must be utf-8 or shift_jis, not '" + encoding + "'");
        };
        boolean labels = switch (header == null ? "labels" : header.strip().toLowerCase(Locale.ROOT)) {
            case "", "labels" -> true;
            case "names" -> false;
            default -> throw new IllegalArgumentException("header must be labels or names, not '" + header + "'");
        };
        return new CsvOptions(charset, labels);
    }

    public boolean utf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** A CSV printer onto {@code out} as Excel reads it (CRLF), after the byte-order mark when UTF-8. */
    public CSVPrinter printer(OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset));
        if (utf8()) {
            writer.write(BYTE_ORDER_MARK);
        }
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }
}
