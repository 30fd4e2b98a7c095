package io.benefitledger.api.refusals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.api.web.AggregateVersions;
import io.benefitledger.api.web.RequestIds;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Records every refused command in the audit of refusals ({@code command_refusal}): who (the token's user and
 * partner), what (method, endpoint, the aggregate its path named), when, through which request ({@code X-Request-Id}),
 * and why (the problem's type and status). A refusal is any 4xx answer to an authenticated caller's command but
 * 404, which names a partner or thing that does not exist for the caller: recording those under the partner the
 * path names would let anyone write into a stranger's audit. Written in a transaction of its own after
 * the command's own has been rolled back; never the request body, which may hold secrets or hostile text. A refusal
 * that cannot be recorded (the database is down) is logged and does not change the answer.
 * <p>
 * Inside Spring Security's chain, so the caller is known; outside the body size limit, idempotent replays and the
 * controllers, so their refusals are seen.
 */
@Component
@Order(-1)
public class RefusedCommands extends OncePerRequestFilter {

    /** The request attribute a refusal shown as a page (not a problem+json answer) names its problem's type in. */
    public static final String PROBLEM_TYPE = RefusedCommands.class.getName() + ".problemType";

    private static final Logger LOG = LoggerFactory.getLogger(RefusedCommands.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    RefusedCommands(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the answer is kept to read its problem type; a command's answer is small
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (refused(answer.getStatus())) {
                record(request, answer);
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private static boolean refused(int status) {
        return status >= 400 && status < 500 && status != HttpStatus.NOT_FOUND.value();
    }

    private void record(HttpServletRequest request, ContentCachingResponseWrapper answer) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken caller)) {
            return; // nobody to name (401, or an anonymous request for a local token): anyone could fill the table
        }
        Jwt token = caller.getToken();
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            ownTransaction.executeWithoutResult(transaction -> jdbc.update("""
                            insert into command_refusal (partner_id, refused_at, acting_user, acting_partner, method, path,
                                                         aggregate_id, request_id, status, problem_type)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    partner(request), Timestamp.from(clock.instant()),
                    clip(token.getSubject(), 128), clip(token.getClaimAsString("partner"), 128),
                    clip(request.getMethod(), 10), clip(template != null ? template.toString() : request.getRequestURI(), 300),
                    aggregate(request), RequestIds.current(), answer.getStatus(), problemType(request, answer)));
        } catch (RuntimeException failure) {
            LOG.warn("a refused command ({} {}, {}) could not be recorded: {}", request.getMethod(), template, answer.getStatus(),
                    failure.toString());
        }
    }

    /** The partner the command's path names, if it names a valid one. */
    private static String partner(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        try {
            return variables == null || variables.get("partnerId") == null ? null : new PartnerId(variables.get("partnerId")).value();
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String aggregate(HttpServletRequest request) {
        try {
            String target = AggregateVersions.target(request);
            return target == null ? null : AggregateId.localOf(target);
        } catch (IllegalArgumentException notAnId) {
            return null; // the path named no valid id, which is why it was refused
        }
    }

    /** The problem's type: the API's answer holds it; a page's refusal, shown as HTML, names it on the request. */
    private String problemType(HttpServletRequest request, ContentCachingResponseWrapper answer) {
        if (request.getAttribute(PROBLEM_TYPE) instanceof String shown) {
            return clip(shown, 300);
        }
        String contentType = answer.getContentType();
        if (contentType == null || !contentType.contains("problem+json")) {
            return null;
        }
        try {
            return clip(json.readTree(answer.getContentAsByteArray()).path("type").textValue(), 300);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
