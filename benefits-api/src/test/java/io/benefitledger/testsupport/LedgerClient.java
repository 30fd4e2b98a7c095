package io.benefitledger.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's HTTP API as the end-to-end tests drive it, as one caller: a user of a partner with roles, whose
 * bearer token is minted by the service's local mode.
 */
public final class LedgerClient {

    private final TestRestTemplate http;
    private final String user;
    private final String partner;
    private final String[] roles;
    private final String[] grantedPartners;
    private String token;

    private LedgerClient(TestRestTemplate http, String user, String partner, String[] roles, String[] grantedPartners) {
        this.http = http;
        this.user = user;
        this.partner = partner;
        this.roles = roles;
        this.grantedPartners = grantedPartners;
    }

    /** The program's own operator, who onboards partners and confirms fulfilments. */
    public static LedgerClient operator(TestRestTemplate http) {
        return new LedgerClient(http, "operator", null, new String[]{"PROGRAM_OPERATOR", "FULFILMENT"}, new String[0]);
    }

    /** A user of a partner with these roles, whether or not the partner or its directory knows them yet. */
    public static LedgerClient user(TestRestTemplate http, String user, String partner, String... roles) {
        return new LedgerClient(http, user, partner, roles, new String[0]);
    }

    /** A user of the same partner with these roles. */
    public LedgerClient as(String user, String... roles) {
        return new LedgerClient(http, user, partner, roles, new String[0]);
    }

    /** An auditor or reporting user granted these partners. */
    public LedgerClient reader(String user, String role, String... partners) {
        return new LedgerClient(http, user, null, new String[]{role}, partners);
    }

    /** A reader with several roles (auditing and reporting), granted these partners. */
    public LedgerClient reader(String user, List<String> roles, String... partners) {
        return new LedgerClient(http, user, null, roles.toArray(String[]::new), partners);
    }

    /** The partner the caller acts for. */
    public String partner() {
        return partner;
    }

    /** The caller's user id (the token's {@code sub}). */
    public String user() {
        return user;
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return sendWith(jsonHeaders(), method, path, body);
    }

    /** Sends with extra headers of the caller's choosing, besides the caller's token. */
    public ResponseEntity<JsonNode> sendWith(HttpHeaders headers, HttpMethod method, String path, String body) {
        HttpHeaders withToken = new HttpHeaders();
        withToken.addAll(headers);
        withToken.setBearerAuth(token());
        return http.exchange(path, method, new HttpEntity<>(body, withToken), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String body) {
        return send(HttpMethod.POST, path, body);
    }

    /**
     * Buys a package with these contents, in the shape purchases had before the catalogue ({@code packageId},
     * {@code packageType} and the allocation lists): the program operator publishes an offering holding them, with
     * the program's usual Go-To-Market offers unless the contents name theirs, then this caller buys it. The
     * offering's id is taken from its contents, so the same contents are one offering (published again, they publish
     * nothing). Answers the publication's refusal when it is refused (contents no package may hold), else the
     * purchase's answer.
     */
    public ResponseEntity<JsonNode> purchase(String packagesPath, String contents) {
        return purchaseWith(jsonHeaders(), packagesPath, contents);
    }

    /** {@link #purchase} with extra headers on the purchase. */
    public ResponseEntity<JsonNode> purchaseWith(HttpHeaders headers, String packagesPath, String contents) {
        ObjectNode offering;
        try {
            offering = (ObjectNode) JSON.readTree(contents);
        } catch (JsonProcessingException | ClassCastException notAnObject) {
            return sendWith(headers, HttpMethod.POST, packagesPath, contents);
        }
        JsonNode packageId = offering.remove("packageId");
        JsonNode type = offering.remove("packageType");
        if (type != null || !offering.has("name")) {
            offering.set("name", type == null ? TextNode.valueOf("Package") : type);
        }
        if (!offering.has("goToMarket")) {
            offering.set("goToMarket", PROGRAM_OFFERS);
        }
        String offeringId = "o-" + UUID.nameUUIDFromBytes(offering.toString().getBytes(StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> published = publish(offeringId, offering.toString());
        if (!published.getStatusCode().is2xxSuccessful()) {
            return published;
        }
        ObjectNode purchase = JSON.createObjectNode();
        if (packageId != null) {
            purchase.set("packageId", packageId);
        }
        purchase.put("offering", offeringId);
        return sendWith(headers, HttpMethod.POST, packagesPath, purchase.toString());
    }

    /** Publishes an offering as the program operator; two tests publishing the same contents at once both succeed. */
    public ResponseEntity<JsonNode> publish(String offeringId, String offering) {
        LedgerClient operator = operator(http);
        ResponseEntity<JsonNode> published = operator.send(HttpMethod.PUT, "/catalogue/offerings/" + offeringId, offering);
        return published.getStatusCode() == HttpStatus.CONFLICT
                ? operator.send(HttpMethod.PUT, "/catalogue/offerings/" + offeringId, offering) : published;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Go-To-Market offers of the program's offerings: granted by partner level and competency. */
    private static final JsonNode PROGRAM_OFFERS = parse("""
            [{"offerId": "silver-marketing-kit", "name": "Silver marketing kit", "validityDays": 365,
              "qualifications": ["Silver Core", "Gold Core"]},
             {"offerId": "gold-campaign-in-a-box", "name": "Gold campaign in a box", "validityDays": 180,
              "qualifications": ["Gold Core"]},
             {"offerId": "co-sell-solution-listing", "name": "Co-sell solution listing", "validityDays": 365,
              "qualifications": ["ISV Co-sell ready"]}]""");

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public JsonNode get(String path) {
        ResponseEntity<JsonNode> response = send(HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as(path + " answered " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A plain-text answer, such as Prometheus metrics. */
    public String text(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token());
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Registers a partner as the operator; answers the client of its first Global admin, alice. */
    public LedgerClient registerPartner(String partner, String qualifications) {
        ResponseEntity<JsonNode> registered = post("/partners", """
                {"partnerId": "%s", "companyName": "Contoso Ltd", "companyAccountEmail": "admin@%s.example",
                 "qualifications": [%s],
                 "firstAdmin": {"userId": "alice", "displayName": "Alice Admin", "email": "alice@%s.example"}}
                """.formatted(partner, partner, qualifications, partner));
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        return new LedgerClient(http, "alice", partner, new String[]{"GLOBAL_ADMIN"}, new String[0]);
    }

    public void addUser(String user, String... roles) {
        ResponseEntity<JsonNode> added = post("/partners/" + partner + "/users", """
                {"userId": "%s", "displayName": "%s", "email": "%s@%s.example", "roles": [%s]}
                """.formatted(user, user, user, partner, quoted(roles)));
        assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    public String token() {
        if (token == null) {
            ResponseEntity<JsonNode> minted = http.postForEntity("/local/tokens", new HttpEntity<>("""
                    {"userId": "%s", %s "roles": [%s], "partners": [%s]}""".formatted(user,
                    partner == null ? "" : "\"partnerId\": \"" + partner + "\",", quoted(roles), quoted(grantedPartners)),
                    jsonHeaders()), JsonNode.class);
            assertThat(minted.getStatusCode()).as(String.valueOf(minted.getBody())).isEqualTo(HttpStatus.OK);
            token = minted.getBody().get("token").asText();
        }
        return token;
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String quoted(String[] values) {
        return Arrays.stream(values).map(value -> "\"" + value + "\"").collect(Collectors.joining(","));
    }
}
