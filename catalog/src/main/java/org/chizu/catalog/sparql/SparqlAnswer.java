package org.chizu.catalog.sparql;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** A query's complete answer, read before anything is written, so that a timeout can still become an error. */
sealed interface SparqlAnswer {

    /** Whether the answer was cut to the endpoint's result limit. */
    boolean truncated();

    /** A SELECT query's rows, in the query's order. */
    record Solutions(List<Var> variables, List<Binding> rows, boolean truncated) implements SparqlAnswer {

        public Solutions {
            variables = List.copyOf(variables);
            rows = List.copyOf(rows);
        }
    }

    /** An ASK query's answer. */
    record Truth(boolean value) implements SparqlAnswer {

        @Override
        public boolean truncated() {
            return false;
        }
    }

    /** A CONSTRUCT or DESCRIBE query's triples, with the query's prefixes. */
    record Graph(Model model, boolean truncated) implements SparqlAnswer {
    }
}
