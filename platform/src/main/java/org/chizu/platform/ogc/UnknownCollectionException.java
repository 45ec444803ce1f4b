package org.chizu.platform.ogc;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** A request named a collection that does not exist, or that the caller may not see. */
class UnknownCollectionException extends ProblemException {

    private final String collectionId;

    UnknownCollectionException(String collectionId) {
        super(404, "unknown-layer", "Unknown layer", "There is no layer '" + collectionId + "'.");
        this.collectionId = collectionId;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("layer", collectionId);
    }
}
