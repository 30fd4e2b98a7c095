package io.benefitledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem details written outside Spring MVC's exception handling ({@link ProblemDetailsAdvice}): by filters, which
 * answer before it is reached, by the error page and by Tomcat itself. Details are fixed texts of ours, never echoed
 * input.
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(type, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** The problem detail of an error known only by its status, as Tomcat or the servlet container reports it. */
    static void writeStatus(HttpServletResponse response, int code) throws IOException {
        HttpStatus status = HttpStatus.resolve(code);
        ProblemType type = ProblemType.ofStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
        write(response, type, detail(type));
    }

    static String json(ProblemType type, String detail) {
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + type.status().value()
               + ",\"detail\":\"" + detail + "\"}";
    }

    static String detail(ProblemType type) {
        return switch (type) {
            case INVALID_REQUEST -> "the request's address or headers are malformed or not allowed (e.g. an encoded slash,"
                                    + " a NUL, '..' or ';' in the path); nothing was done";
            case NOT_FOUND -> "there is nothing at this address";
            case URI_TOO_LONG -> "the request's address is too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request's headers are too large";
            case INTERNAL_ERROR -> "the request could not be completed; nothing was recorded unless the response said so";
            default -> "the request was refused (" + type.status().getReasonPhrase() + "); nothing was done";
        };
    }
}
