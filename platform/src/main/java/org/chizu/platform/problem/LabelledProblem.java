package org.chizu.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.platform.Label;

/**
 * A problem whose reason people read on a page: the member {@code message} in Japanese and English
 * (its English is also the {@code detail}), followed by the members that name what it concerns.
 */
public class LabelledProblem extends ProblemException {

    private final Map<String, Object> members;

    protected LabelledProblem(int status, String type, String title, Label message, Map<String, Object> members) {
        super(status, type, title, message.en());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("message", message);
        all.putAll(members);
        this.members = Collections.unmodifiableMap(all);
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }
}
