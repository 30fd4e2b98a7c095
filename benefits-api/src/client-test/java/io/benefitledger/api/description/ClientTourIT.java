package io.benefitledger.api.description;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.client.ApiClient;
import io.benefitledger.client.ApiException;
import io.benefitledger.client.ApiResponse;
import io.benefitledger.client.api.AuditApi;
import io.benefitledger.client.api.AuthenticationApi;
import io.benefitledger.client.api.CloudApi;
import io.benefitledger.client.api.GoToMarketApi;
import io.benefitledger.client.api.PackagesApi;
import io.benefitledger.client.api.PartnersApi;
import io.benefitledger.client.api.CatalogueApi;
import io.benefitledger.client.api.RefundsApi;
import io.benefitledger.client.api.SoftwareApi;
import io.benefitledger.client.api.TechnicalApi;
import io.benefitledger.client.api.VisualStudioApi;
import io.benefitledger.client.model.Assignment;
import io.benefitledger.client.model.CancellationRequest;
import io.benefitledger.client.model.Contact;
import io.benefitledger.client.model.Draw;
import io.benefitledger.client.model.OfferFulfilment;
import io.benefitledger.client.model.OfferingRequest;
import io.benefitledger.client.model.Problem;
import io.benefitledger.client.model.PurchaseRequest;
import io.benefitledger.client.model.Qualifications;
import io.benefitledger.client.model.Registration;
import io.benefitledger.client.model.RevealKeysRequest;
import io.benefitledger.client.model.SubscriptionFulfilment;
import io.benefitledger.client.model.TokenRequest;
import io.benefitledger.client.model.UserWithRoles;
import io.benefitledger.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The README tour ({@code api/tour.json}) through a Java client generated from the API description
 * ({@code target/openapi.json}, see the pom), against the packaged service, as a client developer would run it: each
 * step is one call of the generated client's method for its operation, with the step's request read into the
 * client's request type. The client reads answers strictly (a field the description does not name fails), and each
 * documented answer must read into the same type and have the fields the answer has. A step whose operation this
 * test cannot call fails it, so the tour and the client cannot drift apart.
 */
class ClientTourIT {

    /** The generated client's own mapper, made strict: an undocumented field in an answer is an error. */
    private static final ObjectMapper STRICT = ApiClient.createDefaultObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @TempDir
    Path data;

    @Test
    void the_tour_runs_through_the_generated_client() throws IOException {
        try (ServiceProcess service = ServiceProcess.startEmbedded("client-tour", data.resolve("postgres"))) {
            Map<String, ApiClient> callers = Map.of(
                    "operator", client(service, token(service, new TokenRequest().userId("operator")
                            .roles(Set.of("PROGRAM_OPERATOR", "FULFILMENT")))),
                    "alice", client(service, token(service, user("alice", "GLOBAL_ADMIN"))),
                    "dave", client(service, token(service, user("dave", "ADMIN_AGENT"))),
                    "mia", client(service, token(service, user("mia", "MPN_PARTNER_ADMIN"))),
                    "auditor", client(service, token(service, new TokenRequest().userId("audrey")
                            .roles(Set.of("AUDITOR")).partners(Set.of("contoso")))));

            long position = 0;
            for (JsonNode step : steps()) {
                String where = step.toString();
                Call call = callOf(step);
                ApiClient caller = callers.get(step.get("as").asText());
                Map<String, String> arguments = call.arguments(TourExamplesTest.at(step, position));
                JsonNode request = step.get("request");
                int status = step.get("status").asInt();

                if (status >= 400) {
                    ApiException refused = catchThrowableOfType(ApiException.class,
                            () -> call.operation().send(caller, arguments, request));
                    assertThat(refused).as(where).isNotNull();
                    assertThat(refused.getCode()).as(where + " answered " + refused.getResponseBody()).isEqualTo(status);
                    Problem problem = STRICT.readValue(refused.getResponseBody(), Problem.class);
                    assertThat(problem.getType()).as(where)
                            .hasToString("https://benefit-ledger.example/problems/" + step.get("problem").asText());
                } else {
                    ApiResponse<?> answer;
                    try {
                        answer = call.operation().send(caller, arguments, request);
                    } catch (ApiException e) {
                        throw new AssertionError(where + " answered " + e.getCode() + " " + e.getResponseBody(), e);
                    }
                    assertThat(answer.getStatusCode()).as(where).isEqualTo(status);
                    JsonNode answered = STRICT.valueToTree(answer.getData());
                    if (step.has("response")) {
                        assertThat(STRICT.treeToValue(step.get("response"), answer.getData().getClass()))
                                .as("the documented answer reads into the client's type: " + where).isNotNull();
                        assertHasFieldsOf(step.get("response"), answered, call.name() + " " + where);
                    }
                    position = answered.path("position").asLong(position);
                }
            }
        }
    }

    /** One call of the generated client: the caller, the path's variables and query parameters, the step's request. */
    @FunctionalInterface
    interface Operation {
        ApiResponse<?> send(ApiClient caller, Map<String, String> arguments, JsonNode request) throws ApiException;
    }

    record Call(String name, Pattern path, Operation operation) {

        Map<String, String> arguments(String concrete) {
            String[] pathAndQuery = concrete.split("\\?", 2);
            Matcher matcher = path.matcher(pathAndQuery[0]);
            assertThat(matcher.matches()).as(concrete + " is " + name).isTrue();
            Map<String, String> arguments = new HashMap<>();
            Matcher names = VARIABLE.matcher(name);
            while (names.find()) {
                arguments.put(names.group(1), matcher.group(names.group(1)));
            }
            if (pathAndQuery.length > 1) {
                for (String parameter : pathAndQuery[1].split("&")) {
                    String[] pair = parameter.split("=", 2);
                    arguments.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                }
            }
            return arguments;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Every operation the tour calls, by the generated client's method for it. */
    private static final Map<String, Operation> OPERATIONS = operations();

    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("POST /partners", (caller, at, request) ->
                new PartnersApi(caller).registerPartnerWithHttpInfo(read(request, Registration.class), null));
        operations.put("POST /partners/{partnerId}/users", (caller, at, request) ->
                new PartnersApi(caller).addUserWithHttpInfo(at.get("partnerId"), read(request, UserWithRoles.class), null, null));
        operations.put("PUT /partners/{partnerId}/qualifications", (caller, at, request) ->
                new PartnersApi(caller).changeQualificationsWithHttpInfo(at.get("partnerId"), read(request, Qualifications.class), null, null));
        operations.put("PUT /catalogue/offerings/{offeringId}", (caller, at, request) ->
                new CatalogueApi(caller).publishOfferingWithHttpInfo(at.get("offeringId"), read(request, OfferingRequest.class), null));
        operations.put("GET /catalogue/offerings/{offeringId}", (caller, at, request) ->
                new CatalogueApi(caller).readOfferingWithHttpInfo(at.get("offeringId")));
        operations.put("POST /partners/{partnerId}/packages", (caller, at, request) ->
                new PackagesApi(caller).purchasePackageWithHttpInfo(at.get("partnerId"), read(request, PurchaseRequest.class), null));
        operations.put("POST /partners/{partnerId}/packages/{packageId}/software/{productId}/keys", (caller, at, request) ->
                new SoftwareApi(caller).revealKeysWithHttpInfo(at.get("partnerId"), at.get("packageId"), at.get("productId"),
                        read(request, RevealKeysRequest.class), null, null));
        operations.put("POST /partners/{partnerId}/packages/{packageId}/cancellation", (caller, at, request) ->
                new RefundsApi(caller).requestCancellationWithHttpInfo(at.get("partnerId"), at.get("packageId"),
                        read(request, CancellationRequest.class), null, null));
        operations.put("POST /partners/{partnerId}/subscriptions/{subscriptionId}/assignment", (caller, at, request) ->
                new VisualStudioApi(caller).assignUserWithHttpInfo(at.get("partnerId"), at.get("subscriptionId"),
                        read(request, Assignment.class), null, null));
        operations.put("DELETE /partners/{partnerId}/subscriptions/{subscriptionId}/assignment", (caller, at, request) ->
                new VisualStudioApi(caller).removeAssignedUserWithHttpInfo(at.get("partnerId"), at.get("subscriptionId"), null, null));
        operations.put("POST /partners/{partnerId}/subscriptions/{subscriptionId}/fulfilment", (caller, at, request) ->
                new TechnicalApi(caller).confirmTechnicalBenefitFulfilmentWithHttpInfo(at.get("partnerId"), at.get("subscriptionId"),
                        read(request, SubscriptionFulfilment.class), null, null));
        operations.put("POST /partners/{partnerId}/subscriptions/{subscriptionId}/draws", (caller, at, request) ->
                new TechnicalApi(caller).drawTechnicalBenefitWithHttpInfo(at.get("partnerId"), at.get("subscriptionId"),
                        read(request, Draw.class), null, null));
        operations.put("PUT /partners/{partnerId}/go-to-market/contact", (caller, at, request) ->
                new GoToMarketApi(caller).designateMarketingContactWithHttpInfo(at.get("partnerId"), read(request, Contact.class), null, null));
        operations.put("POST /partners/{partnerId}/go-to-market/offers/{offerId}/activation", (caller, at, request) ->
                new GoToMarketApi(caller).activateOfferWithHttpInfo(at.get("partnerId"), at.get("offerId"), null, null));
        operations.put("POST /partners/{partnerId}/go-to-market/offers/{offerId}/fulfilment", (caller, at, request) ->
                new GoToMarketApi(caller).confirmOfferFulfilmentWithHttpInfo(at.get("partnerId"), at.get("offerId"),
                        read(request, OfferFulfilment.class), null, null));
        operations.put("GET /partners/{partnerId}/software", (caller, at, request) ->
                new SoftwareApi(caller).readSoftwareTabWithHttpInfo(at.get("partnerId"), null, null, null, position(at)));
        operations.put("GET /partners/{partnerId}/cloud", (caller, at, request) ->
                new CloudApi(caller).readCloudTabWithHttpInfo(at.get("partnerId"), null, null, null, position(at)));
        operations.put("GET /partners/{partnerId}/visual-studio", (caller, at, request) ->
                new VisualStudioApi(caller).readVisualStudioTabWithHttpInfo(at.get("partnerId"), null, null, null, position(at)));
        operations.put("GET /partners/{partnerId}/technical", (caller, at, request) ->
                new TechnicalApi(caller).readTechnicalTabWithHttpInfo(at.get("partnerId"), null, null, null, position(at)));
        operations.put("GET /partners/{partnerId}/go-to-market", (caller, at, request) ->
                new GoToMarketApi(caller).readGoToMarketTabWithHttpInfo(at.get("partnerId"), position(at)));
        operations.put("GET /partners/{partnerId}/packages/{packageId}/refund-eligibility", (caller, at, request) ->
                new RefundsApi(caller).readPackageRefundEligibilityWithHttpInfo(at.get("partnerId"), at.get("packageId"), null, position(at)));
        operations.put("GET /partners/{partnerId}/refund-eligibility", (caller, at, request) ->
                new RefundsApi(caller).listRefundEligibilityWithHttpInfo(at.get("partnerId"), null, null, null, null, position(at)));
        operations.put("GET /partners/{partnerId}/audit/events", (caller, at, request) ->
                new AuditApi(caller).listEventsWithHttpInfo(at.get("partnerId"), null, at.get("package"), null, null, null, null,
                        Integer.valueOf(at.get("size"))));
        operations.put("GET /partners/{partnerId}/audit/verification", (caller, at, request) ->
                new AuditApi(caller).verifyHashChainsWithHttpInfo(at.get("partnerId"), null));
        return operations;
    }

    /** The read-your-writes position a read of the tour waits for. */
    private static Long position(Map<String, String> arguments) {
        return Long.valueOf(arguments.get("awaitPosition"));
    }

    /** The step's operation: named by it, or the one whose method and path template its method and path match. */
    private static Call callOf(JsonNode step) {
        String method = step.has("method") ? step.get("method").asText()
                : step.has("operation") ? step.get("operation").asText().split(" ")[0] : "POST";
        String path = step.get("path").asText().split("\\?")[0];
        List<Call> matching = OPERATIONS.entrySet().stream()
                .map(entry -> new Call(entry.getKey(), template(entry.getKey()), entry.getValue()))
                .filter(call -> step.has("operation") ? call.name().equals(step.get("operation").asText())
                        : call.name().startsWith(method + " ") && call.path().matcher(path).matches())
                .toList();
        assertThat(matching).as("the client tour calls the operation of " + step).hasSize(1);
        return matching.get(0);
    }

    private static Pattern template(String operation) {
        String path = operation.split(" ", 2)[1];
        return Pattern.compile(VARIABLE.matcher(Pattern.quote(path)).replaceAll("\\\\E(?<$1>[^/]+)\\\\Q"));
    }

    /** Each field the documented answer has (a documented null: any value, or none), recursively, as TourExamplesTest. */
    private static void assertHasFieldsOf(JsonNode documented, JsonNode actual, String where) {
        if (documented.isObject()) {
            documented.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    assertThat(actual.has(field.getKey())).as(where + "." + field.getKey()).isTrue();
                    assertHasFieldsOf(field.getValue(), actual.get(field.getKey()), where + "." + field.getKey());
                }
            });
        } else if (documented.isArray() && !documented.isEmpty()) {
            assertThat(actual).as(where).isNotEmpty();
            for (int i = 0; i < actual.size(); i++) {
                assertHasFieldsOf(documented.get(i < documented.size() ? i : 0), actual.get(i), where + "[" + i + "]");
            }
        }
    }

    private static <T> T read(JsonNode request, Class<T> type) {
        try {
            return STRICT.treeToValue(request, type);
        } catch (IOException e) {
            throw new AssertionError("the tour's request does not read into the client's " + type.getSimpleName(), e);
        }
    }

    private static TokenRequest user(String user, String role) {
        return new TokenRequest().userId(user).partnerId("contoso").roles(Set.of(role));
    }

    private static String token(ServiceProcess service, TokenRequest request) {
        try {
            return new AuthenticationApi(client(service, null)).mintLocalToken(request, null).getToken();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static ApiClient client(ServiceProcess service, String token) {
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), STRICT, service.baseUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static JsonNode steps() throws IOException {
        try (InputStream tour = new ClassPathResource(TourExamples.TOUR).getInputStream()) {
            return new ObjectMapper().readTree(tour);
        }
    }
}
