package org.chizu.opendata.version;

import java.time.Period;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A client asked for a version older than the retention period: its history has been pruned. */
public class VersionGoneException extends ErrorResponseException {

    public VersionGoneException(String layerId, LayerVersion version, Period retention) {
        super(HttpStatus.GONE, problem(layerId, version, retention), null);
    }

    private static ProblemDetail problem(String layerId, LayerVersion version, Period retention) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "Version " + version.id() + " of layer '"
                + layerId + "' is older than the retention period (" + retention + ") and can no longer be downloaded.");
        problem.setTitle("Version no longer kept");
        problem.setProperty("layer", layerId);
        return problem;
    }
}
