package io.benefitledger.api.web;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.NotFound;
import io.benefitledger.api.mail.MailNotParked;
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
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

    private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class);

    /**
     * The problem detail the API answers for this failure, found by the handler that answers it there: the Benefits
     * page shows a refusal from it, so a page and an API call are refused with the same words.
     */
    public ProblemDetail problemFor(Exception failure, HttpServletRequest request) throws Exception {
        Method handler = HANDLERS.resolveMethod(failure);
        Object answer;
        if (handler == null || handler.getDeclaringClass() == ResponseEntityExceptionHandler.class) {
            answer = handleException(failure, new ServletWebRequest(request));
        } else {
            Object[] arguments = Arrays.stream(handler.getParameterTypes())
                    .map(type -> type.isInstance(failure) ? failure : request).toArray();
            try {
                answer = handler.invoke(this, arguments);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause() instanceof Exception cause ? cause : thrown;
            }
        }
        Object body = answer instanceof ResponseEntity<?> entity ? entity.getBody() : answer;
        return body instanceof ProblemDetail problem ? problem : unexpectedProblem();
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(BenefitRuleViolation violation) {
        ProblemDetail problem = problem(rule(violation.code()), violation.getMessage());
        problem.setProperty("rule", violation.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound notFound) {
        return problem(ProblemType.NOT_FOUND, notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail aggregateNotFound(AggregateNotFoundException notFound) {
        return problem(ProblemType.NOT_FOUND, AggregateId.localOf(String.valueOf(notFound.getAggregateIdentifier())) + " was not found");
    }

    @ExceptionHandler
    ProblemDetail ownedElsewhere(ProjectionRebuilds.OwnedElsewhere elsewhere) {
        return problem(ProblemType.PROCESSOR_OWNED_ELSEWHERE, elsewhere.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notRebuildable(ProjectionRebuilds.NotRebuildable notRebuildable) {
        return problem(ProblemType.PROCESSOR_NOT_REBUILDABLE, notRebuildable.getMessage());
    }

    @ExceptionHandler
    ProblemDetail mailNotParked(MailNotParked notParked) {
        return problem(ProblemType.MAIL_NOT_PARKED, notParked.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(Exception conflict) {
        return problem(ProblemType.CONFLICT, "the change conflicts with another change to the same thing, or it exists already; nothing was recorded");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> behind(ReadYourWrites.ReadModelBehind behind) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(ProblemType.READ_MODEL_BEHIND, behind.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail beyondHead(ReadYourWrites.BeyondHead beyond) {
        return problem(ProblemType.POSITION_BEYOND_HEAD, beyond.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaiting(ReadYourWrites.TooManyWaiting tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(ProblemType.TOO_MANY_WAITING_READS, tooMany.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail notPermitted(NotPermitted notPermitted) {
        ProblemDetail problem = problem(rule(notPermitted.code()), notPermitted.getMessage());
        problem.setProperty("rule", notPermitted.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stale(ConflictingAggregateVersionException stale) {
        return problem(ProblemType.STALE_VERSION, AggregateId.localOf(String.valueOf(stale.getAggregateIdentifier())) + " is at version " + stale.getActualVersion() + ", not "
                + stale.getExpectedVersion() + "; read it again before changing it");
    }

    @ExceptionHandler
    ProblemDetail accessDenied(AccessDeniedException denied) {
        ProblemDetail problem = problem(ProblemType.NOT_PERMITTED, "your roles do not allow this");
        problem.setProperty("rule", "not-permitted");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownParameters(KnownParameters.Unknown unknown) {
        ProblemDetail problem = problem(ProblemType.UNKNOWN_PARAMETER, unknown.getMessage());
        problem.setProperty("parameters", unknown.names());
        problem.setProperty("accepted", unknown.accepted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException invalid) {
        return problem(ProblemType.INVALID_REQUEST, invalid.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        if (OutcomeUnknown.marked(request)) {
            LOG.warn("a command's commit failed, its outcome is unknown: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(ProblemType.OUTCOME_UNKNOWN, OutcomeUnknown.detail(request)));
        }
        if (databaseUnavailable(failure)) {
            LOG.warn("request refused, the database is unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(ProblemType.DATABASE_UNAVAILABLE, "the ledger cannot reach its database; nothing was recorded. Retry shortly"));
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
        return problem(ProblemType.INTERNAL_ERROR, "the request could not be completed; nothing was recorded unless the response said so");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, "the request body has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s"));
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
        ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, "the request has " + errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Names the media types the endpoint answers with, so a client knows what to put in {@code Accept}. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException notAcceptable,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        List<String> supported = notAcceptable.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        ProblemDetail problem = problem(ProblemType.NOT_ACCEPTABLE, "this endpoint answers " + String.join(", ", supported)
                                                                    + " only: accept it, or send no Accept header");
        problem.setProperty("supported", supported);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Spring MVC's own refusals (405, 415, …) carry our type for their status, not {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))
            && HttpStatus.resolve(status.value()) != null) {
            ProblemType type = ProblemType.ofStatus(HttpStatus.valueOf(status.value()));
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(failure, body, headers, status, request);
    }

    /** A parameter that is not of its type (an instant that is not one, a word for a number): named, never echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
        ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, "the request has 1 invalid parameter");
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
        return ResponseEntity.badRequest().body(problem(ProblemType.INVALID_REQUEST, detail));
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

    /** A rule the domain names by its code; one missing from the catalogue is a defect ProblemTypeCatalogueTest finds. */
    private static ProblemType rule(String code) {
        return ProblemType.ofCode(code).orElseThrow(() -> new IllegalStateException("no problem type for rule " + code));
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
