package io.benefitledger.api.web;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/** Asks the query side a question and waits for the answer, surfacing the query handler's own exception. */
@Component
public class ReadModels {

    private final QueryGateway queries;

    ReadModels(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> answerType) {
        try {
            return queries.query(query, answerType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
