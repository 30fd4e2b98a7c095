package io.benefitledger.api.web;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/** Asks the query side a question and waits for the answer, surfacing the query handler's own exception. */
@Component
public class ReadModels {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    ReadModels(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Asks once the read model built by {@code processor} has processed {@code awaitPosition}, the position a
     * command answered with; without a position it asks at once.
     */
    public <R> R askAfter(String processor, Long awaitPosition, Object query, Class<R> answerType) {
        if (awaitPosition != null) {
            readYourWrites.awaitProcessed(processor, awaitPosition);
        }
        return ask(query, answerType);
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
