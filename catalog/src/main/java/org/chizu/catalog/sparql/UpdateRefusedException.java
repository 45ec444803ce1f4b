package org.chizu.catalog.sparql;

/** Thrown for a SPARQL Update: the endpoint only reads. */
class UpdateRefusedException extends RuntimeException {

    UpdateRefusedException() {
        super("This SPARQL endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR …) is refused.");
    }
}
