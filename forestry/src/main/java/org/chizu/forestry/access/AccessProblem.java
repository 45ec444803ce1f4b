package org.chizu.forestry.access;

import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.LabelledProblem;

/**
 * Why an application, a decision or a download was refused, as problem+json with the reason in
 * Japanese and English ({@code message}) and the field or thing it concerns.
 */
public class AccessProblem extends LabelledProblem {

    AccessProblem(int status, String type, String title, Label message, Map<String, Object> members) {
        super(status, type, title, message, members);
    }

    static AccessProblem badField(String field, String ja, String en) {
        return new AccessProblem(400, "bad-application", "Bad application", new Label(ja, en), Map.of("field", field));
    }

    static AccessProblem notAMember(long organisationId) {
        return new AccessProblem(403, "not-a-member", "Not a member", new Label(
                "承認された団体 " + organisationId + " のメンバーではありません。",
                "You are not a member of an approved organisation " + organisationId + "."), Map.of("organisation", organisationId));
    }

    static AccessProblem unknownApplication(long id) {
        return new AccessProblem(404, "unknown-application", "Unknown application", new Label(
                "申請 " + id + " は見つかりません。", "There is no application " + id + "."), Map.of("application", id));
    }

    /** No approved application of the caller's organisations covers this survey and product. */
    public static AccessProblem notApproved(long surveyId, String product) {
        return new AccessProblem(403, "not-approved", "No approved application", new Label(
                "この測量（" + surveyId + "）の " + product + " を利用する承認済みの申請がありません。",
                "None of your organisations has an approved application for " + product + " of survey " + surveyId + "."),
                Map.of("survey", surveyId, "product", product));
    }

    public static AccessProblem noSuchProduct(long surveyId, String product) {
        return new AccessProblem(404, "unknown-product", "No such product", new Label(
                "測量 " + surveyId + " の " + product + " はありません。", "Survey " + surveyId + " has no product " + product + "."),
                Map.of("survey", surveyId, "product", product));
    }
}
