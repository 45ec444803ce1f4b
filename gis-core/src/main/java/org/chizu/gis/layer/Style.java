package org.chizu.gis.layer;

import java.util.List;

/**
 * Default drawing hints for maps and legends; a client may override them.
 *
 * @param color     stroke or marker colour as #rrggbb
 * @param fillColor polygon fill as #rrggbb, or null for no fill
 * @param weight    stroke width in CSS pixels
 * @param colorBy   an attribute whose allowed values pick colours from {@code palette}, or null
 * @param palette   colours for the allowed values of {@code colorBy}, in the same order
 * @param shownAtFirst whether a map shows the layer before anyone chooses it; false for a theme a
 *                  resident turns on (forests), true when not declared
 */
public record Style(String color, String fillColor, Double weight, String colorBy, List<String> palette,
        Boolean shownAtFirst) {

    public Style {
        color = color == null ? "#3366cc" : color;
        weight = weight == null ? 2.0 : weight;
        palette = palette == null ? List.of() : List.copyOf(palette);
        shownAtFirst = shownAtFirst == null || shownAtFirst;
    }
}
