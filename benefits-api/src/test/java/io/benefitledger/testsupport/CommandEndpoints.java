package io.benefitledger.testsupport;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * Every command endpoint with a valid body, against a partner set up to accept each of them: package {@code f}
 * with software, a seat and technical hours, and dave, an admin agent, in the directory; an offering named after the
 * partner, published by the first endpoint and bought by the second. The hostile-input tests
 * mutate these bodies.
 */
public final class CommandEndpoints {

    public record Endpoint(HttpMethod method, String path, String validBody, boolean asOperator) {
    }

    public final LedgerClient operator;
    public final LedgerClient alice;
    public final String partner;
    public final List<Endpoint> endpoints;

    private CommandEndpoints(LedgerClient operator, LedgerClient alice, String partner, List<Endpoint> endpoints) {
        this.operator = operator;
        this.alice = alice;
        this.partner = partner;
        this.endpoints = endpoints;
    }

    public static CommandEndpoints forNewPartner(TestRestTemplate http, String partner) {
        LedgerClient operator = LedgerClient.operator(http);
        LedgerClient alice = operator.registerPartner(partner, "\"Silver Core\"");
        alice.addUser("dave", "ADMIN_AGENT");
        String p = "/partners/" + partner;
        alice.purchase(p + "/packages", """
                {"packageId": "f", "packageType": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 1000, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio", "seats": 1}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 500, "unit": "HOUR"}]}""");
        return new CommandEndpoints(operator, alice, partner, List.of(
                new Endpoint(HttpMethod.POST, "/partners", """
                        {"partnerId": "x", "companyName": "X", "companyAccountEmail": "a@x.example",
                         "qualifications": ["Gold Core"], "firstAdmin": {"userId": "u", "displayName": "U", "email": "u@x.example"}}""", true),
                new Endpoint(HttpMethod.PUT, "/catalogue/offerings/" + partner, """
                        {"name": "Action Pack",
                         "software": [{"productId": "o", "name": "O", "keys": 1, "languages": ["en-US"], "operatingSystems": ["x64"],
                                       "downloadUrlTemplate": "https://dl.example/{language}/{os}", "specialInstructions": "none"}],
                         "visualStudio": [{"allocationId": "vs", "name": "VS", "seats": 2}],
                         "technical": [{"allocationId": "t", "name": "T", "quantity": 3, "unit": "INCIDENT"}],
                         "goToMarket": [{"offerId": "silver-marketing-kit", "name": "Silver marketing kit", "validityDays": 365,
                                         "qualifications": ["Silver Core"]}],
                         "perMembershipYear": 1000}""", true),
                new Endpoint(HttpMethod.POST, p + "/packages", """
                        {"packageId": "g", "offering": "%s"}""".formatted(partner), false),
                new Endpoint(HttpMethod.POST, p + "/packages/f/software/office/keys",
                        "{\"language\": \"en-US\", \"operatingSystem\": \"x64\", \"count\": 1}", false),
                new Endpoint(HttpMethod.POST, p + "/users",
                        "{\"userId\": \"n\", \"displayName\": \"N\", \"email\": \"n@x.example\", \"roles\": [\"ADMIN_AGENT\"]}", false),
                new Endpoint(HttpMethod.PUT, p + "/users/dave/roles", "{\"roles\": [\"USER_ADMIN\"]}", false),
                new Endpoint(HttpMethod.PUT, p + "/company-account-email", "{\"email\": \"it@x.example\"}", false),
                new Endpoint(HttpMethod.PUT, p + "/qualifications", "{\"qualifications\": [\"Gold Core\"], \"reason\": \"program case 1\"}", true),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:vs:1/assignment", "{\"userId\": \"dave\", \"alternativeEmail\": \"d@x.example\"}", false),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:advisory/draws",
                        "{\"phase\": \"DESIGN\", \"description\": \"d\", \"amount\": 1}", false),
                new Endpoint(HttpMethod.POST, p + "/subscriptions/f:advisory/fulfilment", "{\"fulfilmentReference\": \"F\"}", true),
                new Endpoint(HttpMethod.PUT, p + "/go-to-market/contact",
                        "{\"userId\": \"dave\", \"alternativeEmail\": \"d@agency.example\", \"phone\": \"+14255550100\", \"preferredLanguage\": \"en-US\"}", false),
                new Endpoint(HttpMethod.POST, p + "/go-to-market/offers/silver-marketing-kit/uses", "{\"purpose\": \"p\"}", false),
                new Endpoint(HttpMethod.POST, p + "/packages/f/benefits/f:vs:1/cancellation", "{\"serviceRequest\": \"SR\"}", false),
                new Endpoint(HttpMethod.POST, p + "/packages/f/cancellation", "{\"serviceRequest\": \"SR\"}", false)));
    }

    public LedgerClient caller(Endpoint endpoint) {
        return endpoint.asOperator() ? operator : alice;
    }
}
