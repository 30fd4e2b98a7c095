package io.benefitledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem details written by filters, which answer before Spring MVC (and {@link ProblemDetailsAdvice}) is reached.
 * Details are fixed texts of ours, never echoed input.
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"https://benefit-ledger.example/problems/" + type + "\",\"title\":\""
                                          + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
                                          + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
