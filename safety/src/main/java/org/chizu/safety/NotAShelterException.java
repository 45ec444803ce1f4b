package org.chizu.safety;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A shelter was to be opened or closed, but the facility is not a shelter or does not exist (404). */
public class NotAShelterException extends ErrorResponseException {

    public NotAShelterException(long facilityId) {
        super(HttpStatus.NOT_FOUND, problem(facilityId), null);
    }

    private static ProblemDetail problem(long facilityId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Facility " + facilityId + " is not a designated shelter or emergency evacuation site.");
        problem.setType(URI.create("urn:chizu:problem:not-a-shelter"));
        problem.setTitle("Not a shelter");
        problem.setProperty("facility", facilityId);
        return problem;
    }
}
