package org.chizu.gis.municipalities;

import org.chizu.platform.Label;

/**
 * A municipality the platform serves (市区町村).
 *
 * @param code its five-digit local-government code without check digit ("32204" for Masuda)
 * @param name its name in Japanese and English
 */
public record Municipality(String code, Label name) {

    /** The English name of a municipality added without one. */
    static String englishNameFor(String code) {
        return "Municipality " + LocalGovernmentCodes.withCheckDigit(code);
    }

    /** The six-digit code with its check digit ("322041"), as standard datasets write it. */
    public String fullCode() {
        return LocalGovernmentCodes.withCheckDigit(code);
    }

    /** Its prefecture ("島根県"). */
    public String prefecture() {
        return LocalGovernmentCodes.prefecture(code);
    }
}
