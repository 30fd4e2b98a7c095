package io.benefitledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An endpoint's {@code @PreAuthorize} is decided before its arguments are read. Method security alone decides it
 * when the method is called, which is after the body was read and validated: a caller without the right was told
 * what was wrong with the body (400) instead of that they may not (403). Method security stays on and decides the
 * same again.
 */
class RightsFirst implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rights = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod endpoint) {
            AuthorizationResult decision = rights.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod()));
            if (decision != null && !decision.isGranted()) {
                throw new AccessDeniedException("your roles do not allow this");
            }
        }
        return true;
    }
}
