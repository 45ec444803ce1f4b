package org.chizu.tiles;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request for a tile that the grid does not have, or in a format the server does not make: 400. */
public class TileOutOfRangeException extends ErrorResponseException {

    public TileOutOfRangeException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:chizu:problem:bad-tile-request"));
        problem.setTitle("Bad tile request");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
