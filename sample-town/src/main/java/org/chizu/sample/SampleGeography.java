package org.chizu.sample;

import java.util.List;
import java.util.Map;

/**
 * The ground the sample town is built on: municipal boundaries and shelters.
 *
 * @param municipalities every boundary to load, including both sample towns
 * @param shelters       the shelters of each sample town, by town code, in a fixed order
 */
record SampleGeography(List<Municipality> municipalities, Map<String, List<Shelter>> shelters) {

    List<Shelter> sheltersOf(Town town) {
        return shelters.get(town.code());
    }
}
