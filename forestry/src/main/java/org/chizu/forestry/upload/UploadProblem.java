package org.chizu.forestry.upload;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** Why a staff upload of a laser tile was refused before it became a job, naming the parameter or limit. */
public class UploadProblem extends ProblemException {

    private final Map<String, Object> members;

    private UploadProblem(int status, String type, String title, String detail, Map<String, Object> members) {
        super(status, type, title, detail);
        this.members = members;
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }

    static UploadProblem missing(String parameter) {
        return new UploadProblem(400, "missing-parameter", "Missing parameter",
                "The upload needs the parameter " + parameter + ".", Map.of("parameter", parameter));
    }

    static UploadProblem badCrs(String why) {
        return new UploadProblem(400, "unknown-zone", "Unknown zone or EPSG code", why + ".", Map.of("parameter", "zone"));
    }

    static UploadProblem otherBody(String why) {
        return new UploadProblem(409, "other-surveying-body", "Survey of another surveying body", why + ".", Map.of("parameter", "body"));
    }

    static UploadProblem otherCrs(String survey, int surveySrid, int fileSrid) {
        return new UploadProblem(409, "other-crs", "Another coordinate system",
                "The tiles of survey " + survey + " are in EPSG:" + surveySrid + ", this file in EPSG:" + fileSrid
                        + "; a survey's products are one mosaic in one system.", Map.of("parameter", "zone", "srid", fileSrid));
    }

    static UploadProblem tooLarge(long bytes, long maxBytes) {
        return new UploadProblem(413, "upload-too-large", "Upload too large",
                "The file takes " + (bytes < 0 ? "more than " + maxBytes : bytes) + " bytes; at most " + maxBytes
                        + " are taken (chizu.laser.upload.max-size). Ingest larger files with ./chizu laser ingest.",
                Map.of("maxBytes", maxBytes));
    }
}
