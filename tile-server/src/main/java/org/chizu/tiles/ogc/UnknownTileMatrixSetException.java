package org.chizu.tiles.ogc;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A tile matrix set other than WebMercatorQuad was asked for: 404. */
class UnknownTileMatrixSetException extends ErrorResponseException {

    UnknownTileMatrixSetException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no tile matrix set '" + id + "'; tiles use " + WebMercatorQuad.ID + ".");
        problem.setType(URI.create("urn:chizu:problem:unknown-tile-matrix-set"));
        problem.setTitle("Unknown tile matrix set");
        return problem;
    }
}
