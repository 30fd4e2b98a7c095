package io.benefitledger.api.description;

import io.benefitledger.api.security.ForAnyPartner;
import io.benefitledger.api.web.AggregateVersions;
import io.benefitledger.api.web.IdempotentCommands;
import io.benefitledger.api.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each operation's description says beyond its summary, read from the same places that decide it at run time:
 * who may call it from its {@code @PreAuthorize} and {@link ForAnyPartner} (what Spring Security enforces), whether
 * it takes an {@code Idempotency-Key} ({@link IdempotentCommands}) and {@code If-Match} ({@link AggregateVersions}),
 * and every problem it may answer: those its kind of endpoint may (derived here) and those its own rules may
 * ({@link Refuses}), each a reference to the problem type documented once ({@link ApiDescription}).
 */
@Component
class OperationDescription implements GlobalOperationCustomizer {

    static final String ROLES = "x-roles";
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> PARTNER_ROLES = Set.of("GLOBAL_ADMIN", "USER_ADMIN", "ADMIN_AGENT", "MPN_PARTNER_ADMIN");
    private static final Set<String> READERS = Set.of("AUDITOR", "REPORTING");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String method = httpMethod(handler);
        String path = path(handler);
        Set<String> variables = variables(path);
        List<String> roles = roles(handler);
        boolean open = roles.isEmpty() && operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean command = IdempotentCommands.covers(method);
        boolean ifMatch = command && AggregateVersions.namesAnAggregate(variables, path);

        List<String> notes = new ArrayList<>();
        if (operation.getDescription() != null) {
            notes.add(operation.getDescription());
        }
        if (open) {
            operation.addExtension(ROLES, List.of());
            notes.add("**Who may call:** anyone; no token is needed.");
        } else if (!roles.isEmpty()) {
            operation.addExtension(ROLES, roles);
            notes.add("**Who may call:** " + whoMayCall(roles, variables.contains("partnerId"), handler));
        }
        if (command) {
            operation.addParametersItem(new HeaderParameter().name(IdempotentCommands.HEADER).required(false)
                    .schema(new Schema<String>().types(Set.of("string")).pattern(IdempotentCommands.SHAPE))
                    .description("Makes a retry safe: the same caller sending the same request with the same key gets"
                                 + " the first answer (marked `Idempotent-Replayed: true`) and nothing is recorded again."));
            notes.add("**Idempotency:** send an `Idempotency-Key`; a retry with the same key and request returns the"
                      + " first answer and records nothing, the same key with another request is refused (422"
                      + " `idempotency-key-reused`).");
        }
        if (ifMatch) {
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .schema(new Schema<String>().types(Set.of("string")))
                    .example("\"3\"")
                    .description("The version (`ETag`) of the " + aggregate(variables, path) + " you decided on: if it"
                                 + " changed since, the command is refused with 412 `stale-version` before any rule is checked."));
            notes.add("**If-Match:** answers the " + aggregate(variables, path) + "'s version as `ETag`; send it as"
                      + " `If-Match` to be refused (412) if it changed since.");
        } else if (command) {
            notes.add("**If-Match:** not taken: this command names no existing aggregate.");
        }
        describeParameters(operation);
        Set<ProblemType> problems = problems(operation, handler, method, variables, roles, open, command, ifMatch);
        addProblemResponses(operation, problems, command, ifMatch);
        operation.setDescription(String.join("\n\n", notes));
        return operation;
    }

    private static String httpMethod(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMethod[] methods = mapping == null ? new RequestMethod[0] : mapping.method();
        return methods.length == 0 ? "GET" : methods[0].name();
    }

    private static String path(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return first(type) + first(method);
    }

    private static String first(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    private static Set<String> variables(String path) {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The roles Spring Security checks: the method's {@code @PreAuthorize}, else its controller's. */
    static List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(rule.value());
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return roles;
    }

    private static String whoMayCall(List<String> roles, boolean partnersPath, HandlerMethod handler) {
        ForAnyPartner anyPartner = handler.getMethodAnnotation(ForAnyPartner.class);
        Set<String> forAny = anyPartner == null ? Set.of() : Set.of(anyPartner.value());
        List<String> parts = new ArrayList<>();
        List<String> own = roles.stream().filter(PARTNER_ROLES::contains).toList();
        List<String> readers = roles.stream().filter(READERS::contains).toList();
        List<String> program = roles.stream().filter(role -> !PARTNER_ROLES.contains(role) && !READERS.contains(role)).toList();
        if (!own.isEmpty()) {
            parts.add(codes(own) + (partnersPath ? " of the partner in the path (and in its directory)" : ""));
        }
        if (!readers.isEmpty()) {
            parts.add(codes(readers) + (partnersPath ? " granted the partner in the path" : " for the partners granted them"));
        }
        if (!program.isEmpty()) {
            parts.add(codes(program) + (partnersPath && forAny.containsAll(program) ? " for any partner" : ""));
        }
        return String.join("; ", parts) + ".";
    }

    private static String codes(List<String> roles) {
        return roles.stream().map(role -> "`" + role + "`").collect(Collectors.joining(", "));
    }

    private static String aggregate(Set<String> variables, String path) {
        if (variables.contains("packageId")) {
            return "package";
        }
        if (variables.contains("subscriptionId")) {
            return "subscription";
        }
        return path.contains("/go-to-market/") ? "partner's offer set" : "partner";
    }

    private static Set<ProblemType> problems(Operation operation, HandlerMethod handler, String method,
                                             Set<String> variables, List<String> roles, boolean open, boolean command,
                                             boolean ifMatch) {
        Set<ProblemType> problems = EnumSet.of(ProblemType.INVALID_REQUEST, ProblemType.UNKNOWN_PARAMETER,
                ProblemType.METHOD_NOT_ALLOWED, ProblemType.INTERNAL_ERROR, ProblemType.DATABASE_UNAVAILABLE);
        if (!open) {
            problems.add(ProblemType.UNAUTHENTICATED);
        }
        if (!roles.isEmpty()) {
            problems.add(ProblemType.NOT_PERMITTED);
        }
        if (!variables.isEmpty()) {
            problems.add(ProblemType.NOT_FOUND);
        }
        if (operation.getRequestBody() != null) {
            problems.addAll(List.of(ProblemType.BODY_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE));
        }
        if (command) {
            problems.addAll(List.of(ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.OUTCOME_UNKNOWN, ProblemType.BUSY));
        }
        if (ifMatch) {
            problems.add(ProblemType.STALE_VERSION);
        }
        if (operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(parameter -> "awaitPosition".equals(parameter.getName()))) {
            problems.addAll(List.of(ProblemType.POSITION_BEYOND_HEAD, ProblemType.TOO_MANY_WAITING_READS,
                    ProblemType.READ_MODEL_BEHIND));
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (mapping != null && mapping.produces().length > 0) {
            problems.add(ProblemType.NOT_ACCEPTABLE);
        }
        Refuses refuses = handler.getMethodAnnotation(Refuses.class);
        if (refuses != null) {
            problems.addAll(Arrays.asList(refuses.value()));
        }
        return problems;
    }

    /** One response per status, its examples referring to each problem type it may be. */
    private static void addProblemResponses(Operation operation, Set<ProblemType> problems, boolean command, boolean ifMatch) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2") && command) {
                response.addHeaderObject("Idempotent-Replayed", new Header().description(
                        "`true` when this is the stored answer to an earlier request with the same Idempotency-Key")
                        .schema(new Schema<String>().types(Set.of("string"))));
                if (ifMatch || status.equals("201")) {
                    response.addHeaderObject("ETag", new Header().description(
                            "the version its aggregate is at after the command; send it as If-Match")
                            .schema(new Schema<String>().types(Set.of("string"))));
                }
            }
        });
        Map<Integer, List<ProblemType>> byStatus = new TreeMap<>();
        problems.forEach(type -> byStatus.computeIfAbsent(type.status().value(), status -> new ArrayList<>()).add(type));
        byStatus.forEach((status, types) -> {
            MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDescription.PROBLEM));
            types.forEach(type -> problem.addExamples(type.code(), new Example().$ref("#/components/examples/" + type.code())));
            responses.addApiResponse(String.valueOf(status), new ApiResponse()
                    .description(types.stream().map(type -> "`" + type.code() + "`: " + type.meaning())
                            .collect(Collectors.joining("\n\n")))
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem)));
        });
        operation.setResponses(responses);
    }

    /** Every id in a path, and the read-your-writes position, say what they are and the grammar they follow. */
    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            String grammar = IdGrammar.of(parameter.getName());
            if (grammar != null && parameter.getDescription() == null) {
                parameter.setDescription(grammar);
                if (parameter.getSchema() != null && IdGrammar.isIdentifier(parameter.getName())) {
                    parameter.getSchema().setPattern(IdGrammar.SHAPE);
                }
            }
        }
    }
}
