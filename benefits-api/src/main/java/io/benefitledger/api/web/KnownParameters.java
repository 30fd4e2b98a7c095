package io.benefitledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A query parameter an endpoint does not take is refused (400, naming it), never ignored: {@code ?at=} on a tab
 * that answers only as of now would otherwise come back with today's data as if it had been applied. What an
 * endpoint takes is read from its handler method, once: its {@code @RequestParam} names and the components of a
 * {@code @ModelAttribute} record; a {@code @RequestParam Map} takes any. So a new endpoint is covered by declaring
 * its parameters, nothing more. Only the ledger's own handlers are checked, not the libraries' (the API
 * description, Spring's error page). The query string is read, never a form body.
 */
@Component
class KnownParameters implements HandlerInterceptor, WebMvcConfigurer {

    /** How much of a refused name the answer repeats; a name is the caller's text, not ours. */
    private static final int NAME_SHOWN = 64;
    private static final int NAMES_SHOWN = 20;

    private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

    /** The query parameters a handler takes: these names, or any at all. */
    private record Accepted(boolean any, SortedSet<String> names) {
    }

    /** The request named query parameters its endpoint does not take. */
    static final class Unknown extends RuntimeException {

        /** Where a caller who asked for a past instant finds it: the tabs and reports keep only the present. */
        static final String AS_OF_ELSEWHERE = ". It answers as of now only: the state as of an instant is "
                + "GET /partners/{partnerId}/audit/aggregates/{aggregateId}?at= and the refund decision "
                + "GET /partners/{partnerId}/audit/packages/{packageId}/refund-decision?at=";

        private final List<String> names;
        private final Set<String> accepted;

        Unknown(List<String> names, Set<String> accepted) {
            super("this endpoint does not take the query parameter" + (names.size() == 1 ? " " : "s ")
                  + String.join(", ", names) + (accepted.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", accepted))
                  + (names.contains("at") ? AS_OF_ELSEWHERE : ""));
            this.names = names;
            this.accepted = accepted;
        }

        List<String> names() {
            return names;
        }

        Set<String> accepted() {
            return accepted;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("io.benefitledger.")) {
            return true;
        }
        Accepted takes = accepted.computeIfAbsent(method.getMethod(), KnownParameters::declared);
        if (takes.any()) {
            return true;
        }
        List<String> unknown = queryParameterNames(request.getQueryString()).stream()
                .filter(name -> !takes.names().contains(name))
                .map(name -> name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "…" : name)
                .distinct().limit(NAMES_SHOWN).toList();
        if (!unknown.isEmpty()) {
            throw new Unknown(unknown, takes.names());
        }
        return true;
    }

    private static Accepted declared(Method method) {
        SortedSet<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(parameter.getType())) {
                    return new Accepted(true, names);
                }
                names.add(StringUtils.hasText(param.name()) ? param.name() : parameter.getName());
            } else if (parameter.isAnnotationPresent(ModelAttribute.class) && parameter.getType().isRecord()) {
                Arrays.stream(parameter.getType().getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
            }
        }
        return new Accepted(false, Collections.unmodifiableSortedSet(names));
    }

    private static Set<String> queryParameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .filter(name -> !name.isEmpty())
                .map(KnownParameters::decoded)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name; // a broken %-escape is refused as the name it is
        }
    }
}
