package org.chizu.forestry.clip;

import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.LabelledProblem;

/** Why a clip job or one of its files was refused, as problem+json naming the limit, job or file. */
public class ClipProblem extends LabelledProblem {

    private ClipProblem(int status, String type, String title, Label message, Map<String, Object> members) {
        super(status, type, title, message, members);
    }

    static ClipProblem tooManyPoints(long estimated, long maximum) {
        return new ClipProblem(422, "point-limit-exceeded", "Too many points for one job", new Label(
                "推定 " + estimated + " 点は 1 回のジョブの上限 " + maximum + " 点を超えます。区域を分けて申請してください。",
                "The estimated " + estimated + " points exceed the " + maximum + " points one job may clip; apply for smaller areas."),
                Map.of("limit", ClipLimits.PER_JOB, "maximum", maximum, "estimatedPoints", estimated));
    }

    static ClipProblem quotaExceeded(long organisation, long used, long estimated, long maximum) {
        return new ClipProblem(429, "organisation-quota-exceeded", "Monthly quota used up", new Label(
                "今月の団体の上限 " + maximum + " 点のうち " + used + " 点を使用済みで、推定 " + estimated + " 点のジョブは始められません。",
                "Organisation " + organisation + " has used " + used + " of its " + maximum + " points this month; a job of "
                        + estimated + " estimated points would pass it."),
                Map.of("limit", ClipLimits.PER_ORGANISATION, "maximum", maximum, "used", used, "estimatedPoints", estimated,
                        "organisation", organisation));
    }

    /** A request to start a clip that does not name both the application and the survey. */
    public static ClipProblem badRequest() {
        return new ClipProblem(400, "bad-clip-request", "Bad clip request", new Label(
                "承認済みの申請（application）と測量（survey）を指定してください。",
                "Name the approved application and the survey: {\"application\": id, \"survey\": id}."), Map.of("field", "application, survey"));
    }

    static ClipProblem notClippable(long application, long survey) {
        return new ClipProblem(400, "nothing-to-clip", "Nothing to clip", new Label(
                "申請 " + application + " の区域は測量 " + survey + " と重ならないか、切り出せるデータ（点群・ラスタ・樹頂点・資源量メッシュ）を含みません。",
                "The area of application " + application + " does not overlap survey " + survey
                        + ", or names nothing that can be clipped (point cloud, rasters, tree tops, resource mesh)."),
                Map.of("application", application, "survey", survey));
    }

    static ClipProblem notApproved(long application) {
        return new ClipProblem(403, "not-approved", "No approved application", new Label(
                "申請 " + application + " はあなたの団体の承認済みの申請ではありません。",
                "Application " + application + " is not an approved application of your organisations."),
                Map.of("application", application));
    }

    static ClipProblem unknownJob(long job) {
        return new ClipProblem(404, "unknown-job", "No such clip job", new Label(
                "切り出しジョブ " + job + " はありません。", "There is no clip job " + job + " of yours."), Map.of("job", job));
    }

    static ClipProblem unknownFile(long job, String file) {
        return new ClipProblem(404, "unknown-file", "No such file", new Label(
                "ジョブ " + job + " に " + file + " はありません。", "Job " + job + " has no file " + file + "."),
                Map.of("job", job, "file", file));
    }

    static ClipProblem unknownTile(long tile) {
        return new ClipProblem(404, "unknown-tile", "No such tile", new Label(
                "タイル " + tile + " はありません。", "There is no tile " + tile + "."), Map.of("tile", tile));
    }

    static ClipProblem tileNotApproved(long tile) {
        return new ClipProblem(403, "not-approved", "No approved application", new Label(
                "タイル " + tile + " に重なる、点群を含む承認済みの申請がありません。",
                "None of your organisations has an approved application for the point cloud over tile " + tile + "."),
                Map.of("tile", tile, "product", "point_cloud"));
    }
}
