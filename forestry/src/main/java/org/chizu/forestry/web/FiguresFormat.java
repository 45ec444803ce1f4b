package org.chizu.forestry.web;

import java.util.Locale;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.LabelledProblem;
import org.chizu.platform.web.Negotiation;
import org.springframework.http.MediaType;

/**
 * How the per sub-compartment figures are answered: {@code f=json|csv} wins, otherwise the Accept
 * header ({@code text/csv} for a spreadsheet; JSON when in doubt, as the OGC API pages negotiate).
 */
enum FiguresFormat {
    JSON, CSV;

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    /** @throws BadFormat for an {@code f} other than json or csv */
    static FiguresFormat of(String f, String accept) {
        if (f != null && !f.isBlank()) {
            return switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw new BadFormat(f);
            };
        }
        return Negotiation.prefers(TEXT_CSV, accept) ? CSV : JSON;
    }

    /** An {@code f} the figures are not written in (400). */
    static final class BadFormat extends LabelledProblem {

        BadFormat(String f) {
            super(400, "bad-format", "Unknown format", new Label("f は json か csv で指定してください（" + f + " ではなく）。",
                    "f must be json or csv, not '" + f + "'."), Map.of("parameter", "f", "value", f));
        }
    }
}
