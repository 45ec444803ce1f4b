package org.chizu.forestry.trees;

import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.LabelledProblem;

/** A sub-compartment or survey asked for by id that does not exist (404). */
public class UnknownStand extends LabelledProblem {

    private UnknownStand(String type, String title, Label message, Map<String, Object> members) {
        super(404, type, title, message, members);
    }

    public static UnknownStand compartment(long id) {
        return new UnknownStand("unknown-compartment", "Unknown sub-compartment",
                new Label("森林簿に小班 " + id + " はありません。", "There is no sub-compartment " + id + " in the forest register."),
                Map.of("compartment", id));
    }

    public static UnknownStand survey(long id) {
        return new UnknownStand("unknown-survey", "Unknown survey",
                new Label("計測 " + id + " はありません。", "There is no survey " + id + "."), Map.of("survey", id));
    }
}
