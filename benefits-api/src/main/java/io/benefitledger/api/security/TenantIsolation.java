package io.benefitledger.api.security;

import io.benefitledger.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Arrays;
import java.util.Map;

/**
 * Nobody sees or changes another partner's data unless granted. A partner's users act only for their own partner;
 * auditors and reporting users read the partners they were granted (and are forbidden to change them); the
 * program's side (fulfilment, the operator) calls the endpoints marked {@link ForAnyPartner} for any partner. Anyone
 * else is told the partner does not exist, never that it is forbidden, so nothing confirms that another partner's ids
 * exist.
 */
class TenantIsolation implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String partner = variables == null ? null : variables.get("partnerId");
        if (partner == null) {
            return true;
        }
        Caller caller = CallerResolution.current();
        boolean read = "GET".equals(request.getMethod());
        if (caller.actsFor(partner) || (read && caller.mayRead(partner)) || programSide(caller, handler)) {
            return true;
        }
        if (caller.mayRead(partner)) {
            throw new AccessDeniedException("a reader may not change what it reads");
        }
        throw new NotFound("partner", partner);
    }

    private static boolean programSide(Caller caller, Object handler) {
        ForAnyPartner anyPartner = handler instanceof HandlerMethod method
                ? method.getMethodAnnotation(ForAnyPartner.class) : null;
        return anyPartner != null && Arrays.stream(anyPartner.value()).anyMatch(caller.roles()::contains);
    }
}
