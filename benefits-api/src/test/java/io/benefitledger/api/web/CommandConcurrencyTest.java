package io.benefitledger.api.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands beyond the bulkhead's permits wait their turn, and are refused cleanly when it does not come. */
class CommandConcurrencyTest {

    final CommandConcurrency bulkhead = new CommandConcurrency(1, Duration.ofMillis(200));
    final CountDownLatch firstRunning = new CountDownLatch(1);
    final CountDownLatch finishFirst = new CountDownLatch(1);
    final AtomicInteger handled = new AtomicInteger();

    @Test
    void aCommandBeyondThePermitsIsRefusedWith503AndNeverReachesTheLedger() throws Exception {
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> send("POST", blockingChain()));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = send("POST", countingChain());

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentType()).isEqualTo("application/problem+json");
        assertThat(second.getContentAsString()).contains("nothing was recorded");
        assertThat(handled).hasValue(0);

        finishFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(send("PUT", countingChain()).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(1);
    }

    @Test
    void readsAreNotCounted() throws Exception {
        CompletableFuture<Void> command = CompletableFuture.runAsync(() -> send("POST", blockingChain()));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(send("GET", countingChain()).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(1);

        finishFirst.countDown();
        command.get(5, TimeUnit.SECONDS);
    }

    private FilterChain blockingChain() {
        return (request, response) -> {
            firstRunning.countDown();
            try {
                finishFirst.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private FilterChain countingChain() {
        return (request, response) -> handled.incrementAndGet();
    }

    private MockHttpServletResponse send(String method, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            bulkhead.doFilter(new MockHttpServletRequest(method, "/partners/contoso/packages"), response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
