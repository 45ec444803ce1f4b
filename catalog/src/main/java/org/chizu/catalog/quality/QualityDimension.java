package org.chizu.catalog.quality;

import java.util.Locale;

import org.chizu.platform.Label;

/** The five dimensions of data.europa.eu's metadata quality assessment (MQA), derived from FAIR. */
public enum QualityDimension {
    FINDABILITY(new Label("見つけやすさ", "Findability")),
    ACCESSIBILITY(new Label("アクセスしやすさ", "Accessibility")),
    INTEROPERABILITY(new Label("相互運用性", "Interoperability")),
    REUSABILITY(new Label("再利用しやすさ", "Reusability")),
    CONTEXTUALITY(new Label("文脈情報", "Contextuality"));

    private final Label label;

    QualityDimension(Label label) {
        this.label = label;
    }

    /** The id used in JSON and in the dimension's IRI ("findability"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Label label() {
        return label;
    }
}
