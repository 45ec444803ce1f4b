package org.chizu.opendata.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.opendata.query.SqlFilter;

/** Narrows a layer query to what a standard layout covers: its declared rows, in JGD2011 degrees. */
final class StandardSelection {

    private StandardSelection() {
    }

    static FeatureQuery apply(FeatureQuery query, StandardDataset standard) {
        FeatureQuery selected = query.inCrs(OutputCrs.JGD2011);
        if (standard.where().isEmpty()) {
            return selected;
        }
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : standard.where().entrySet()) {
            // The registry checked the attribute exists and the values are ones it allows.
            Attribute attribute = query.layer().attribute(entry.getKey()).orElseThrow();
            conditions.add("f." + SqlIdentifiers.quote(attribute.name()) + " in ("
                    + String.join(", ", entry.getValue().stream().map(v -> "?").toList()) + ")");
            entry.getValue().forEach(v -> values.add(attribute.type().parse(v)));
        }
        return selected.filteredBy(new SqlFilter("(" + String.join(" and ", conditions) + ")", values));
    }
}
