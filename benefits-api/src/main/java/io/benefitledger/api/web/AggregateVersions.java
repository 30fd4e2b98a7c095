package io.benefitledger.api.web;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.offer.GtmOffer;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.Map;
import java.util.Set;

/**
 * Optimistic concurrency over HTTP. A command's answer carries the version its aggregate is at after the command as
 * its {@code ETag}, taken from the command's own unit of work ({@link CommandOutcome}): the version of the last event
 * the command recorded on it, or, if it recorded none there, the version it was loaded at. A command sent with
 * {@code If-Match} carries that version as the version it expects (see {@code IfMatchTargetResolver}); it is compared
 * before the command is decided ({@code ExpectedVersionCheck}) and again by Axon when it commits under the aggregate's
 * lock, so of two writers that read the same version, only the first succeeds, and the second gets 412.
 */
@ControllerAdvice
public class AggregateVersions implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    private static final String TARGET = AggregateVersions.class.getName() + ".target";

    /** The version a command's {@code If-Match} header names, if it names one. */
    public static Long expectedVersion(HttpServletRequest request) {
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.valueOf(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match names an aggregate version, the ETag a command answered with, e.g. \"3\"");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod())) {
            return true;
        }
        String target = target(request);
        if (target == null) {
            return true;
        }
        request.setAttribute(TARGET, target);
        expectedVersion(request); // a malformed If-Match is refused before anything runs
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        boolean succeeded = response instanceof ServletServerHttpResponse servletResponse
                            && servletResponse.getServletResponse().getStatus() < 400;
        if (succeeded && request instanceof ServletServerHttpRequest servlet
            && servlet.getServletRequest().getAttribute(TARGET) instanceof String target) {
            CommandOutcome.of(servlet.getServletRequest()).flatMap(outcome -> outcome.version(target))
                    .ifPresent(version -> response.getHeaders().setETag("\"" + version + "\""));
        }
        return body;
    }

    /** The aggregate a command names in its path: a package, a subscription, a partner's offers, the partner. */
    public static String target(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || !namesAnAggregate(variables.keySet(), request.getRequestURI())) {
            return null;
        }
        PartnerId partner = new PartnerId(variables.get("partnerId"));
        if (variables.containsKey("packageId")) {
            return AggregateId.of(partner, variables.get("packageId")).toString();
        }
        if (variables.containsKey("subscriptionId")) {
            return AggregateId.of(partner, variables.get("subscriptionId")).toString();
        }
        if (request.getRequestURI().contains("/go-to-market/")) {
            return GtmOffer.idOf(partner).toString();
        }
        return variables.get("partnerId");
    }

    /**
     * Whether a command at this path names an aggregate whose version {@code If-Match} may name: every path of a
     * partner's but the purchase's, which creates its package.
     */
    public static boolean namesAnAggregate(Set<String> pathVariables, String path) {
        return pathVariables.contains("partnerId") && !path.endsWith("/packages");
    }
}
