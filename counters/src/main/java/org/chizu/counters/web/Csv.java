package org.chizu.counters.web;

import java.io.StringWriter;

/** The staff CSVs' shape: UTF-8 with a byte order mark (so that Excel reads the Japanese), CRLF lines. */
final class Csv {

    private Csv() {
    }

    /** A CSV starting with a byte order mark and its header line. */
    static StringWriter start(String header) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        out.write(header + "\r\n");
        return out;
    }

    /** A CSV field in quotes, its quotes doubled (a facility's name may hold a comma). */
    static String quoted(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
