package org.chizu.catalog;

import java.util.List;

/** Lists as a sentence says them, for messages: "a", "a and b", "a, b and c". */
public final class InWords {

    private InWords() {
    }

    public static String list(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
