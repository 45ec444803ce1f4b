package org.chizu.platform.ogc;

import java.util.List;
import java.util.Optional;

import org.chizu.platform.Audience;

/** Where the OGC API root finds its collections; one bean, provided by the module that owns them. */
public interface OgcCollections {

    /** The collections the audience may see, in their order. */
    List<OgcCollection> visibleTo(Audience audience);

    /** The collection with this id if the audience may see it; empty exactly as if it did not exist. */
    Optional<OgcCollection> find(String id, Audience audience);
}
