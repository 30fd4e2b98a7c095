package io.benefitledger.api.web;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Asks the query side a question and waits for the answer, surfacing the query handler's own exception. */
@Component
public class ReadModels {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Executor executor;

    ReadModels(QueryGateway queries, ReadYourWrites readYourWrites, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.executor = executor;
    }

    /**
     * Asks once the read model built by {@code processor} has processed {@code awaitPosition}, the position a
     * command answered with; without a position, or once it is processed, it asks at once, on the request's thread.
     * A read that must wait is answered asynchronously: it holds no request thread while parked, and its question
     * is asked on the application's task executor once its position is processed.
     */
    public <R> CompletableFuture<R> askAfter(String processor, Long awaitPosition, Object query, Class<R> answerType) {
        if (awaitPosition == null) {
            return CompletableFuture.completedFuture(ask(query, answerType));
        }
        String caller = SecurityContextHolder.getContext().getAuthentication().getName();
        CompletableFuture<Void> processed = readYourWrites.whenProcessed(processor, awaitPosition, caller);
        return processed.isDone() && !processed.isCompletedExceptionally()
                ? CompletableFuture.completedFuture(ask(query, answerType))
                : processed.thenApplyAsync(ready -> ask(query, answerType), executor);
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
