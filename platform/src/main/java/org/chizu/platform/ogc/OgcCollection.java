package org.chizu.platform.ogc;

import java.util.Objects;

import org.chizu.platform.Label;

/**
 * One collection as the OGC API root describes it. Plain data: where the collection comes from
 * (a layer of the registry, say) is the business of the {@link OgcCollections} that lists it.
 *
 * @param id           the collection's id in URLs
 * @param title        its title
 * @param description  its description
 * @param licenceTitle the licence's name
 * @param licenceUrl   the licence's text
 * @param extent       lon/lat bounds (CRS84: min lon, min lat, max lon, max lat), or null while it has no data
 */
public record OgcCollection(String id, Label title, Label description, Label licenceTitle, String licenceUrl,
                            double[] extent) {

    public OgcCollection {
        Objects.requireNonNull(id, "collection id");
    }
}
