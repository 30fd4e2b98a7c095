package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import jakarta.servlet.Filter;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Local mode is one developer's machine: it listens there, mints only for callers there, and only known roles. */
@LedgerIntegrationTest
class LocalModeTest {

    static final String OPERATOR_TOKEN = """
            {"userId": "mallory", "roles": ["PROGRAM_OPERATOR", "FULFILMENT", "AUDITOR"]}""";

    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    TestRestTemplate http;

    @Test
    void the_service_listens_on_the_loopback_interface_only() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(((InetAddress) connector.getProperty("address")).isLoopbackAddress()).isTrue();
    }

    @Test
    void an_address_that_is_set_explicitly_wins() throws Exception {
        ServerProperties server = new ServerProperties();
        server.setAddress(InetAddress.getByName("0.0.0.0"));
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.setAddress(server.getAddress()); // as Spring Boot's own customizer applies server.address

        new SecurityConfiguration.Local().loopbackUnlessToldOtherwise(server).customize(factory);

        assertThat(factory.getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void a_caller_on_another_host_gets_no_token() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();

        MvcResult remote = mvc.perform(post("/local/tokens").contentType(MediaType.APPLICATION_JSON).content(OPERATOR_TOKEN)
                .with(request -> {
                    request.setRemoteAddr("192.0.2.7");
                    return request;
                })).andReturn();
        MvcResult local = mvc.perform(post("/local/tokens").contentType(MediaType.APPLICATION_JSON).content(OPERATOR_TOKEN)
                .with(request -> {
                    request.setRemoteAddr("127.0.0.1");
                    return request;
                })).andReturn();

        assertThat(remote.getResponse().getStatus()).isEqualTo(403);
        assertThat(remote.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(remote.getResponse().getContentAsString()).contains("not-on-this-machine").doesNotContain("token\":");
        assertThat(local.getResponse().getStatus()).as("the same request from this machine").isEqualTo(200);
    }

    @Test
    void an_unknown_role_is_not_minted() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> refused = http.postForEntity("/local/tokens",
                new HttpEntity<>("{\"userId\": \"mallory\", \"roles\": [\"GLOBAL_ADMIN\", \"SUPERUSER\"]}", headers), JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).startsWith("roles: unknown role SUPERUSER;");
    }
}
