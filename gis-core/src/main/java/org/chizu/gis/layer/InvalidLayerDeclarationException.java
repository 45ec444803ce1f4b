package org.chizu.gis.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/**
 * A layer declaration that cannot be taken: unreadable (400), or readable but wrong (422) in a
 * field, against the database, or against the other declarations. On start-up it stops the
 * application; on a reload the previous layers stay; over HTTP it is the problem answered.
 */
public class InvalidLayerDeclarationException extends ProblemException {

    private final String field;
    private final List<String> problems;

    private InvalidLayerDeclarationException(int status, String field, List<String> problems) {
        super(status, "invalid-layer-declaration", "Invalid layer declaration", String.join("\n", problems));
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    /** Text that is not YAML or JSON at all. */
    static InvalidLayerDeclarationException unreadable(String source, String reason) {
        return new InvalidLayerDeclarationException(400, null, List.of("layer declaration " + source + " is not readable YAML or JSON: " + reason));
    }

    /** One field of one declaration is wrong; {@code field} is its path, such as {@code geometry.srid}. */
    static InvalidLayerDeclarationException inField(String source, String field, String problem) {
        return new InvalidLayerDeclarationException(422, field, List.of("layer declaration " + source + ": " + field + " " + problem));
    }

    /** Declarations that disagree with the database or with each other, each problem naming its layer. */
    static InvalidLayerDeclarationException refused(List<String> problems) {
        return new InvalidLayerDeclarationException(422, null, problems);
    }

    /** The path of the wrong field, null when the problem is not in one field. */
    public String field() {
        return field;
    }

    /** What is wrong, one line each. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        if (field != null) {
            members.put("field", field);
        }
        members.put("problems", problems);
        return members;
    }
}
