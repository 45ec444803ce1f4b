package org.chizu.platform;

import java.util.Objects;

/**
 * A text in Japanese and English. Japanese comes first everywhere Chizu shows it; English is
 * optional in a declaration and falls back to the Japanese.
 */
public record Label(String ja, String en) {

    public Label {
        Objects.requireNonNull(ja, "a label needs its Japanese text");
        if (en == null || en.isBlank()) {
            en = ja;
        }
    }

    /** The text for a language tag ("ja", "en", "en-GB" …); Japanese for anything else. */
    public String in(String language) {
        return language != null && language.startsWith("en") ? en : ja;
    }

    /** "道路 (Roads)": Japanese first, English beside it when it differs. */
    public String bilingual() {
        return ja.equals(en) ? ja : ja + " (" + en + ")";
    }
}
