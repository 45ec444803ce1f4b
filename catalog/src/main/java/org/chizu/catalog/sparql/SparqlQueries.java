package org.chizu.catalog.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.update.UpdateFactory;
import org.springframework.stereotype.Service;

/**
 * Runs read-only SPARQL 1.1 queries against the {@link SparqlDataset}, each under the configured
 * timeout and result limit. Knows no HTTP.
 *
 * <ul>
 *   <li>A query that does not parse throws Jena's {@link QueryParseException} (with line and column);
 *       an update throws {@link UpdateRefusedException}.</li>
 *   <li>A query running longer than the timeout is cancelled by ARQ, which throws
 *       {@link org.apache.jena.query.QueryCancelledException}.</li>
 *   <li>At most {@code result-limit} rows or triples are returned; {@link SparqlAnswer#truncated()}
 *       says whether there were more. A SELECT is given that LIMIT (plus one, to tell) so that ARQ
 *       stops early.</li>
 *   <li>SERVICE (federated query) is refused, so that a query cannot make the server call out;
 *       FROM and FROM NAMED are refused, as there is one dataset.</li>
 * </ul>
 */
@Service
class SparqlQueries {

    private final SparqlDataset dataset;
    private final SparqlProperties properties;

    SparqlQueries(SparqlDataset dataset, SparqlProperties properties) {
        this.dataset = dataset;
        this.properties = properties;
    }

    /**
     * Parses and runs one query.
     *
     * @throws QueryParseException    when the text is not a SPARQL 1.1 query
     * @throws UpdateRefusedException when the text is a SPARQL Update
     * @throws IllegalArgumentException when the query names graphs with FROM or FROM NAMED
     */
    SparqlAnswer run(String text) {
        Query query = parse(text);
        if (query.hasDatasetDescription()) {
            throw new IllegalArgumentException("This endpoint queries its one dataset (the catalog and the public layers); "
                    + "FROM and FROM NAMED are not supported.");
        }
        int limit = properties.resultLimit();
        if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > limit)) {
            query.setLimit(limit + 1L);
        }
        try (QueryExecution execution = QueryExecution.create().query(query).dataset(dataset.current())
                .set(ARQ.httpServiceAllowed, false)
                .timeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build()) {
            if (query.isSelectType()) {
                return solutions(execution.execSelect(), limit);
            }
            if (query.isAskType()) {
                return new SparqlAnswer.Truth(execution.execAsk());
            }
            Iterator<Triple> triples = query.isConstructType() ? execution.execConstructTriples() : execution.execDescribeTriples();
            Model model = ModelFactory.createDefaultModel().setNsPrefixes(query.getPrefixMapping());
            while (triples.hasNext() && model.size() < limit) {
                model.getGraph().add(triples.next());
            }
            return new SparqlAnswer.Graph(model, triples.hasNext());
        }
    }

    private static SparqlAnswer.Solutions solutions(ResultSet results, int limit) {
        List<Binding> rows = new ArrayList<>();
        while (results.hasNext() && rows.size() < limit) {
            rows.add(results.nextBinding());
        }
        return new SparqlAnswer.Solutions(results.getResultVars().stream().map(Var::alloc).toList(),
                rows, results.hasNext());
    }

    private static Query parse(String text) {
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException notAQuery) {
            if (isUpdate(text)) {
                throw new UpdateRefusedException();
            }
            throw notAQuery;
        }
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
            return true;
        } catch (QueryParseException e) {
            return false;
        }
    }
}
