package io.benefitledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;

/**
 * A request whose transaction failed while committing: the database may have recorded the command or not, and the
 * service cannot tell. It must not answer "nothing was recorded" then; it says it does not know, and that a retry
 * with the same {@code Idempotency-Key} is safe: if the first attempt was recorded, the retry answers as it did and
 * records nothing (the key's row commits with the command's events, see {@code IdempotentCommands}).
 */
public final class OutcomeUnknown {

    private static final String ATTRIBUTE = OutcomeUnknown.class.getName();

    private OutcomeUnknown() {
    }

    /** Marks the request of the current thread, if any: its commit failed. */
    public static void markCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static boolean marked(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    static String detail(HttpServletRequest request) {
        return "the database failed while committing this command: it may or may not have been recorded. "
               + (request.getHeader(IdempotentCommands.HEADER) != null
                ? "Retrying with the same Idempotency-Key is safe: if it was recorded, the retry answers as it did and records nothing"
                : "Read before retrying; a command sent with an Idempotency-Key can be retried safely");
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "2");
        Problems.write(response, ProblemType.OUTCOME_UNKNOWN, detail(request));
    }
}
