package io.benefitledger.api.web;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.NotFound;
import io.benefitledger.partner.NotPermitted;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.benefitledger.api.ops.ProjectionRebuilds;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where refusals become RFC 9457 problem details. A refused command has recorded nothing.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://benefit-ledger.example/problems/";

    @ExceptionHandler
    ProblemDetail ruleViolated(BenefitRuleViolation violation) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, violation.code(), "A benefit rule was broken",
                violation.getMessage());
        problem.setProperty("rule", violation.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail aggregateNotFound(AggregateNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                AggregateId.localOf(String.valueOf(notFound.getAggregateIdentifier())) + " was not found");
    }

    @ExceptionHandler
    ProblemDetail ownedElsewhere(ProjectionRebuilds.OwnedElsewhere elsewhere) {
        return problem(HttpStatus.CONFLICT, "processor-owned-elsewhere", "Processor owned by another node", elsewhere.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(Exception conflict) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflicting change",
                "the change conflicts with another change to the same thing, or it exists already; nothing was recorded");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> behind(ReadYourWrites.ReadModelBehind behind) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Read model not caught up yet",
                        behind.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail beyondHead(ReadYourWrites.BeyondHead beyond) {
        return problem(HttpStatus.BAD_REQUEST, "position-beyond-head", "Position not recorded", beyond.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaiting(ReadYourWrites.TooManyWaiting tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-waiting-reads", "Too many reads waiting",
                        tooMany.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail notPermitted(NotPermitted notPermitted) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, notPermitted.code(), "Not permitted", notPermitted.getMessage());
        problem.setProperty("rule", notPermitted.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stale(ConflictingAggregateVersionException stale) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since you read it",
                AggregateId.localOf(String.valueOf(stale.getAggregateIdentifier())) + " is at version " + stale.getActualVersion() + ", not "
                + stale.getExpectedVersion() + "; read it again before changing it");
    }

    @ExceptionHandler
    ProblemDetail accessDenied(AccessDeniedException denied) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", "your roles do not allow this");
        problem.setProperty("rule", "not-permitted");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownParameters(KnownParameters.Unknown unknown) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unknown-parameter", "Unknown query parameter", unknown.getMessage());
        problem.setProperty("parameters", unknown.names());
        problem.setProperty("accepted", unknown.accepted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", invalid.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        if (OutcomeUnknown.marked(request)) {
            LOG.warn("a command's commit failed, its outcome is unknown: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, OutcomeUnknown.TYPE, "Outcome unknown",
                            OutcomeUnknown.detail(request)));
        }
        if (databaseUnavailable(failure)) {
            LOG.warn("request refused, the database is unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            "the ledger cannot reach its database; nothing was recorded. Retry shortly"));
        }
        LOG.error("request failed unexpectedly", failure);
        return ResponseEntity.internalServerError().body(unexpectedProblem());
    }

    /**
     * Whether the failure is the database being out of reach (stopped, restarting, or no connection to be had in
     * time) rather than a fault of this request: SQL state class 08 (connection exception) or 57P (operator
     * intervention, e.g. a shutdown), no connection from the pool, or a connection the pool already closed. The
     * last happens when Axon swallows the first failure (a snapshot it cannot read) and goes on with the same
     * connection, which Hikari has by then closed for its connection error: its exception has no SQL state.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                || cause instanceof DataAccessResourceFailureException || closedByThePool(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean closedByThePool(Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        return cause instanceof SQLException && frames.length > 0
               && frames[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
    }

    private ProblemDetail unexpectedProblem() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; nothing was recorded unless the response said so");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request body has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null
                                ? "parameter " + result.getMethodParameter().getParameterIndex()
                                : result.getMethodParameter().getParameterName(),
                        "reason", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request has " + errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A parameter that is not of its type (an instant that is not one, a word for a number): named, never echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request has 1 invalid parameter");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "reason", "expected " + expected(mismatch.getRequiredType()))));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A body that is not the JSON asked for: say which field and what it expects, never echo the body and never name
     * a Java type (Jackson's own messages do).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = "the request body is not valid JSON for this request";
        if (unreadable.getCause() instanceof JsonMappingException mapping) {
            detail = unreadableField(mapping);
        } else if (unreadable.getCause() instanceof JsonProcessingException parsing) {
            detail = "the request body is not valid JSON: " + parsing.getOriginalMessage().split("\n")[0];
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail));
    }

    private static String unreadableField(JsonMappingException mapping) {
        if (mapping.getPath().isEmpty()) {
            return "the request body must be one JSON object, and nothing after it";
        }
        String field = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElseThrow();
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return field + ": no such field; the fields here are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return field + ": expected " + expected(mismatched.getTargetType());
        }
        if (mapping.getClass() == JsonMappingException.class) {
            // ours (e.g. text with control characters) or a number out of range: neither names a type
            return field + ": " + mapping.getOriginalMessage().split("\n")[0];
        }
        return field + ": not a valid value here";
    }

    /** What a field of this type takes, in a client's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
            || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an instant such as 2026-01-31T09:00:00Z";
        }
        return "an object";
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
