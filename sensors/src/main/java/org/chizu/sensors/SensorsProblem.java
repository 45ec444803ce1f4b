package org.chizu.sensors;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** What the sensors module refuses, as a problem+json of its own type and members. */
public class SensorsProblem extends ProblemException {

    private final Map<String, Object> members;

    public SensorsProblem(int status, String type, String title, String detail, Map<String, Object> members) {
        super(status, type, title, detail);
        this.members = Map.copyOf(members);
    }

    /** A 404 for an entity that is not there, naming it as SensorThings does: {@code Datastreams(7)}. */
    public static SensorsProblem notFound(String entitySet, long id) {
        return new SensorsProblem(404, "sensors-not-found", "Not found", entitySet + "(" + id + ") does not exist.",
                Map.of("entity", entitySet + "(" + id + ")"));
    }

    /** A 400 for input that cannot be taken, naming where it is wrong. */
    public static SensorsProblem badRequest(String detail, Map<String, Object> members) {
        return new SensorsProblem(400, "sensors-bad-request", "Bad request", detail, members);
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }
}
