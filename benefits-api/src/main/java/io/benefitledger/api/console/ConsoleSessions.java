package io.benefitledger.api.console;

import io.benefitledger.api.security.SecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

import java.time.Clock;

/**
 * Keeps a signed-in user's verified token in their session and hands each request of the page the same
 * authentication the API builds from a bearer token. (Spring Security never stores a bearer token's authentication
 * in a session, so the token itself is kept.) The session stands for the user until the token expires.
 */
class ConsoleSessions implements SecurityContextRepository {

    private static final String TOKEN = ConsoleSessions.class.getName() + ".token";

    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("deprecation") // the one method the interface still requires; loadDeferredContext calls it
    public SecurityContext loadContext(HttpRequestResponseHolder exchange) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Jwt token = token(exchange.getRequest());
        if (token != null) {
            context.setAuthentication(SecurityConfiguration.authentication(token));
        }
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() instanceof JwtAuthenticationToken signedIn) {
            request.getSession(true).setAttribute(TOKEN, signedIn.getToken());
        } else if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(TOKEN);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return token(request) != null;
    }

    private Jwt token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(TOKEN);
        if (token instanceof Jwt jwt && (jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt()))) {
            return jwt;
        }
        return null;
    }
}
