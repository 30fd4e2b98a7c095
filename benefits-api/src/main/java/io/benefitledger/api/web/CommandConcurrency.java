package io.benefitledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bulkhead for commands: at most {@code ledger.http.concurrent-commands} run at once, the others wait their turn.
 * A command holds a database connection from its start, including while it waits for another command on the same
 * aggregate; unbounded, 64 clients on four packages took all 20 connections, and the projections, the event store's
 * reader and every other request then timed out. Reads are not counted: they hold a connection only per query.
 * A command that cannot start within {@code ledger.http.command-wait} is refused (503, nothing written).
 */
@Component
class CommandConcurrency extends OncePerRequestFilter {

    private final Semaphore running;
    private final Duration wait;

    CommandConcurrency(@Value("${ledger.http.concurrent-commands}") int concurrentCommands,
                       @Value("${ledger.http.command-wait}") Duration wait) {
        this.running = new Semaphore(concurrentCommands, true);
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean started;
        try {
            started = running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(response, ProblemType.BUSY,
                    "too many commands are in progress; nothing was recorded, retry shortly");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }
}
