package io.benefitledger.api.security;

import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may do what, said once: the API's endpoints and the Benefits page's actions name the same expression in their
 * {@code @PreAuthorize}, and the page asks {@link #allows} to leave out the buttons a caller's roles do not allow.
 */
public final class Rights {

    /** Purchase, Get keys, draw hours, request a cancellation: any of the partner's admins. */
    public static final String ACT_FOR_PARTNER = "hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN', 'ADMIN_AGENT', 'MPN_PARTNER_ADMIN')";
    /** The tabs and refund eligibility: the partner's admins, and the readers granted it. */
    public static final String READ_TABS = "hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN', 'ADMIN_AGENT', 'MPN_PARTNER_ADMIN', 'AUDITOR', 'REPORTING')";
    /** Assign and remove users: the Global admin only. */
    public static final String ASSIGN = "hasRole('GLOBAL_ADMIN')";
    /** The marketing contact and Go-To-Market offers. */
    public static final String GO_TO_MARKET = "hasAnyRole('GLOBAL_ADMIN', 'MPN_PARTNER_ADMIN')";
    /** A partner's event history, its state as of an instant, its verification. */
    public static final String AUDIT = "hasAnyRole('AUDITOR', 'GLOBAL_ADMIN')";
    /** The reports across the partners a caller may read. */
    public static final String REPORTS = "hasAnyRole('REPORTING', 'AUDITOR', 'GLOBAL_ADMIN', 'USER_ADMIN', 'ADMIN_AGENT', 'MPN_PARTNER_ADMIN')";

    private static final ExpressionParser PARSER = new SpelExpressionParser();

    private Rights() {
    }

    /** Whether the expression grants the current request's caller. */
    public static boolean allow(String expression) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && allows(expression, caller);
    }

    /** Whether the expression grants the caller, decided as {@code @PreAuthorize} decides it. */
    public static boolean allows(String expression, Authentication caller) {
        SecurityExpressionRoot root = new SecurityExpressionRoot(caller) {
        };
        return Boolean.TRUE.equals(PARSER.parseExpression(expression).getValue(new StandardEvaluationContext(root), Boolean.class));
    }
}
