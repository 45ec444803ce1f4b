package org.chizu.forestry.discovery;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** A STAC request Chizu cannot answer: a parameter it cannot read (400) or a collection or item that is not there (404). */
class StacProblem extends ProblemException {

    private final Map<String, Object> members;

    private StacProblem(int status, String type, String title, String detail, Map<String, Object> members) {
        super(status, type, title, detail);
        this.members = members;
    }

    static StacProblem badParameter(String parameter, String value, String expected) {
        return new StacProblem(400, "invalid-stac-parameter", "Invalid STAC parameter",
                "Parameter '" + parameter + "' is '" + value + "'; " + expected + ".", Map.of("parameter", parameter));
    }

    static StacProblem noCollection(String id) {
        return new StacProblem(404, "unknown-stac-collection", "Unknown STAC collection",
                "There is no collection '" + id + "'.", Map.of("collection", id));
    }

    static StacProblem noItem(String collection, String id) {
        return new StacProblem(404, "unknown-stac-item", "Unknown STAC item",
                "Collection '" + collection + "' has no item '" + id + "'.", Map.of("collection", collection, "item", id));
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }
}
