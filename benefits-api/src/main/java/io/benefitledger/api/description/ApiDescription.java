package io.benefitledger.api.description;

import io.benefitledger.api.security.Caller;
import io.benefitledger.api.web.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API description as a client developer's manual: what the ledger is, how to authenticate (a bearer token, which
 * Swagger UI's Authorize button then sends), the groups of operations by the Benefits tabs and their readers, and
 * every problem type once, as a named example the operations refer to ({@link OperationDescription}). The
 * {@link Caller} controllers take comes from the token, so it is not listed as a parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    /** The groups, in the order Swagger UI shows them: a partner, its purchases, the five tabs, then the readers. */
    static final Map<String, String> TAGS = tags();

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Partners", "A partner (a company) and its user directory: who may act for it, with which roles. The"
                             + " program operator registers partners and sets their level and competencies.");
        tags.put("Catalogue", "The program's offerings (an Action Pack, a competency's core benefits): published and"
                              + " withdrawn by the program operator as versions, read by anyone signed in.");
        tags.put("Packages", "Purchasing a membership benefit package, an offering of the catalogue: its allocations"
                             + " open the five tabs' benefits.");
        tags.put("Software", "The Software tab: licensed products and their keys (\"Get keys\"). Revealing keys"
                             + " activates a software benefit, which ends the package's refundability.");
        tags.put("Cloud", "The Cloud tab: usage-based Azure subscriptions (activated by assigning yourself) and"
                          + " license-based subscriptions (activated by revealing their keys).");
        tags.put("Visual Studio", "The Visual Studio subscriptions tab: seats, each assigned to one user of the"
                                  + " directory; reassigning is removing the user, then assigning another.");
        tags.put("Technical", "The Technical benefits tab: support incidents and advisory, presales and deployment"
                              + " hours; assigned with an alternative e-mail, pending until fulfilment confirms,"
                              + " then drawn, never beyond what is left.");
        tags.put("Go-To-Market", "The Go-To-Market tab: the company marketing contact and the offers the partner's level"
                                 + " and competencies entitle it to; activation is pending until fulfilled, then the"
                                 + " offer is active until its expiry.");
        tags.put("Refunds", "Cancellation with a refund (within 30 days of purchase and no software activated) and the"
                            + " refund-eligibility check, with its reasons and their evidence.");
        tags.put("Audit", "For auditors: every event in order with who, when and through which request; any aggregate"
                          + " or refund decision as of an instant; tamper evidence; digests; refused commands.");
        tags.put("Reports", "For reporting teams: read models across the partners granted, as JSON or CSV.");
        tags.put("Operations", "For the program operator: projections' processors, rebuilds and dead letters.");
        tags.put("Authentication", "Local mode only: tokens minted by the service itself for a developer's machine.");
        return tags;
    }

    @Bean
    OpenAPI ledgerDescription(@Value("${info.version}") String version) {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT of the configured identity provider (claims `sub`, `partner`, `roles`,"
                                     + " `partners`); in local mode one from `POST /local/tokens`."))
                .addSchemas(PROBLEM, problemSchema());
        for (ProblemType type : ProblemType.values()) {
            components.addExamples(type.code(), problemExample(type));
        }
        return new OpenAPI()
                .info(new Info().title("The benefit ledger").version(version).description(DESCRIPTION))
                .components(components)
                .tags(TAGS.entrySet().stream().map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList())
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    private static Schema<?> problemSchema() {
        return new Schema<>().types(Set.of("object")).description("An RFC 9457 problem detail. Its `type` is one of the"
                        + " problem types documented under components/examples, each with its meaning and what to do.")
                .addProperty("type", new Schema<>().types(Set.of("string")).format("uri")
                        .description("https://benefit-ledger.example/problems/<code>"))
                .addProperty("title", new Schema<>().types(Set.of("string")))
                .addProperty("status", new Schema<>().types(Set.of("integer")))
                .addProperty("detail", new Schema<>().types(Set.of("string")).description("what was wrong, in an admin's words"))
                .addProperty("instance", new Schema<>().types(Set.of("string")).format("uri-reference"))
                .addProperty("rule", new Schema<>().types(Set.of("string")).description("the broken rule's code (rules of the domain)"))
                .addProperty("errors", new Schema<>().types(Set.of("array")).description("each invalid field and why (invalid-request)"))
                .addProperty("parameters", new Schema<>().types(Set.of("array")).description("the parameters refused (unknown-parameter)"))
                .addProperty("accepted", new Schema<>().types(Set.of("array")).description("the parameters taken (unknown-parameter)"))
                .addProperty("supported", new Schema<>().types(Set.of("array")).description("the media types answered (not-acceptable)"))
                .required(List.of("type", "title", "status"));
    }

    private static Example problemExample(ProblemType type) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", type.uri().toString());
        value.put("title", type.title());
        value.put("status", type.status().value());
        value.put("detail", type.meaning());
        return new Example().summary(type.code() + " (" + type.status().value() + "): " + type.title())
                .description(type.meaning() + "\n\n**What to do:** " + type.whatToDo())
                .value(value);
    }

    private static final String DESCRIPTION = """
            An event-sourced ledger of a partner program's membership benefits: software keys, cloud subscriptions,
            Visual Studio seats, technical benefits and Go-To-Market offers. Admins purchase packages and activate
            their benefits through this API; every change is an immutable event, and the tabs, reports and audit
            reads are answered from it.

            **Authentication.** Every operation but this description, health and, in local mode, `POST /local/tokens`
            takes `Authorization: Bearer <JWT>` (use **Authorize**). In production the token comes from the
            configured identity provider and carries `sub` (the user), `partner` (the partner the user acts for),
            `roles` and, for auditors and reporting users, `partners` (those granted). In local mode (the embedded
            default, one developer's machine) `POST /local/tokens` mints one, e.g.
            `{"userId": "alice", "partnerId": "contoso", "roles": ["GLOBAL_ADMIN"]}`.
            Each operation lists the roles that may call it. A partner's users act only for their own partner and
            must be in its directory; another partner's data answers 404, never 403.

            **Commands** answer with `position` (pass it as `awaitPosition` to a read to see your write) and the
            aggregate's version as `ETag`; send it back as `If-Match` and the command is refused with 412 if the
            package, subscription, offer set or partner changed since. Send an `Idempotency-Key` and a retry of the
            same request returns the first answer without recording anything again.

            **Problems.** Every refusal is an RFC 9457 problem detail (`application/problem+json`) and records
            nothing. Each problem type is documented once, with what it means and what to do, under
            components/examples (shown as the examples of each error response).

            **Ids** are 1 to 128 letters, digits or `. _ : @ -`, starting with a letter or digit. A partner names
            its packages, products and offers; the ledger names what a package opens from the package's id:
            a subscription (usage-based Azure, technical benefit) is `<package>:<allocation>` (`silver-2026:azure`),
            a Visual Studio seat `<package>:<allocation>:<n>` with n from 1 (`silver-2026:vs:1`). A license-based
            cloud subscription is a product of its package (its keys are revealed under
            `/packages/{packageId}/software/{productId}/keys`); the Cloud tab lists it by the same rule,
            `<package>:<product>`.
            """;
}
