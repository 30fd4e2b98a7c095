package io.benefitledger.api.audit;

import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

/**
 * A failure of the NDJSON export before its first line is answered as any other failure: a problem detail, not a
 * 500 with an empty body, whatever the client accepts. The failure is injected into the audit trail's read (the
 * store itself stays real).
 */
@LedgerIntegrationTest
class AuditLogFailureTest {

    @Autowired
    TestRestTemplate http;
    @MockitoSpyBean
    AuditTrail trail;

    @Test
    void a_log_that_fails_before_its_first_line_is_a_problem_detail() {
        String partner = "log-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");
        doThrow(new IllegalStateException("an event that cannot be read")).when(trail).log(eq(partner), anyLong(), anyLong(), any());

        for (String accept : List.of("application/x-ndjson", "*/*")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(alice.token());
            headers.set(HttpHeaders.ACCEPT, accept);
            ResponseEntity<String> answer = http.exchange("/partners/" + partner + "/audit/log", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);

            assertThat(answer.getStatusCode()).as(accept).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(answer.getHeaders().getContentType()).as(accept).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody()).as(accept).contains("\"status\":500", "nothing was recorded");
        }
    }

    @Test
    void a_log_that_can_be_read_is_one_event_per_line() throws Exception {
        String partner = "log-" + UUID.randomUUID();
        LedgerClient alice = LedgerClient.operator(http).registerPartner(partner, "");

        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(alice.token());
        ResponseEntity<String> answer = http.exchange("/partners/" + partner + "/audit/log", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = answer.getBody().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("position").asLong()).isPositive();
        }
    }
}
