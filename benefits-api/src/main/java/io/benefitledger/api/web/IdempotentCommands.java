package io.benefitledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command sent with an {@code Idempotency-Key} header is carried out once. The key is claimed, the command
 * handled and its answer stored in one transaction, which the command's events join: a retry after a success gets
 * the first answer (its body, ETag and Location) and writes nothing; a retry after a failure (nothing was
 * committed) runs again; a retry racing the first waits for it on the key's row. The same key with a different
 * request is refused. When the commit itself fails, nobody knows whether it was recorded: the answer says so
 * ({@link OutcomeUnknown}), and a retry with the same key is what finds out.
 */
@Component
public class IdempotentCommands extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String SHAPE = "[A-Za-z0-9._:-]{1,128}";
    private static final Pattern SANE = Pattern.compile(SHAPE);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotentCommands(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Stored(String requestHash, int status, String contentType, String etag, String location, byte[] body) {
    }

    /** The key's row was committed by a concurrent first attempt while this one waited for it. */
    private static final Stored RACED = new Stored("", 0, null, null, null, new byte[0]);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !covers(request.getMethod());
    }

    /** Every command is carried out once per key: every method but GET. */
    public static boolean covers(String httpMethod) {
        return !"GET".equals(httpMethod);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE.matcher(key).matches() || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            Problems.write(response, ProblemType.INVALID_REQUEST, "an Idempotency-Key is 1 to 128 letters, digits or . _ : - and needs an authenticated caller");
            return;
        }
        String caller = token.getToken().getSubject() + "|" + token.getToken().getClaimAsString("partner");
        byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);

        Stored answer;
        try {
            answer = transactions.execute(transaction -> {
                Stored first = stored(caller, key);
                if (first != null) {
                    return first;
                }
                try {
                    jdbc.update("""
                            insert into idempotency_key (caller, idempotency_key, request_hash, status, response_body, created_at)
                            values (?, ?, ?, 0, ''::bytea, ?)""", caller, key, hash, Timestamp.from(clock.instant()));
                } catch (DuplicateKeyException raced) {
                    transaction.setRollbackOnly(); // PostgreSQL has aborted this transaction; read the winner's answer after it
                    return RACED;
                }
                try {
                    chain.doFilter(new CachedBodyRequest(request, body), captured);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (captured.getStatus() >= 400) {
                    transaction.setRollbackOnly(); // a refused command recorded nothing; let a retry run again
                    return null;
                }
                jdbc.update("""
                                update idempotency_key set status = ?, content_type = ?, etag = ?, location = ?, response_body = ?
                                where caller = ? and idempotency_key = ?""",
                        captured.getStatus(), captured.getContentType(), captured.getHeader(HttpHeaders.ETAG),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray(), caller, key);
                return null;
            });
        } catch (RuntimeException failure) {
            if (!OutcomeUnknown.marked(request)) {
                throw failure;
            }
            String requestId = response.getHeader(RequestIds.HEADER);
            response.reset(); // the command's status and ETag were set before the commit failed
            response.setHeader(RequestIds.HEADER, requestId);
            OutcomeUnknown.write(request, response);
            return;
        }

        if (answer == RACED) {
            answer = stored(caller, key);
        }
        if (answer == null) {
            captured.copyBodyToResponse();
        } else if (!answer.requestHash().equals(hash)) {
            Problems.write(response, ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for a different request");
        } else {
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.etag() != null) {
                response.setHeader(HttpHeaders.ETAG, answer.etag());
            }
            if (answer.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, answer.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(answer.body());
        }
    }

    private Stored stored(String caller, String key) {
        List<Stored> rows = jdbc.query("""
                        select request_hash, status, content_type, etag, location, response_body from idempotency_key
                        where caller = ? and idempotency_key = ?""",
                (row, index) -> new Stored(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBytes(6)), caller, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
