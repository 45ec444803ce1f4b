package org.chizu.gis.imports;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a file's column names are compared with the names Chizu knows: full-width and half-width
 * forms alike (NFKC), case and blanks ignored, so "幅員（ｍ）", "幅員 (m)" and "幅員(m)" are one name.
 * The separators of Japanese lists (、・ and commas) are ignored too: one publisher heads a column
 * 崖崩れ、土石流及び地滑り where another writes 崖崩れ・土石流及び地滑り.
 */
final class FieldNames {

    private FieldNames() {
    }

    static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s、・,]+", "");
    }
}
