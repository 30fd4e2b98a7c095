package io.benefitledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.PersonalData;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The one place where personal data is masked: every JSON answer, before it is written, has each value marked
 * {@link PersonalData} replaced by {@value #MASK} when the caller may read the partner it belongs to but not its
 * people ({@link Caller#seesPersonalDataMaskedOf}: a reporting user). The partner a value belongs to is the one the
 * path names, or, in a report across partners, the {@code partnerId} of the row that holds it. The CSV exports,
 * which are streamed past this advice, pass their rows through {@link #masked(Object, Caller)}.
 */
@ControllerAdvice
public class PersonalDataMasking implements ResponseBodyAdvice<Object> {

    public static final String MASK = "***";

    @Override
    public boolean supports(MethodParameter returnType, Class converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)
            || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        Caller caller = SecurityConfiguration.caller(token.getToken());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) servlet.getServletRequest()
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return masked(body, variables == null ? null : variables.get("partnerId"), caller);
    }

    /** The value as this caller may see it, for a value that names its partner in its rows ({@code partnerId}). */
    public static <T> T masked(T value, Caller caller) {
        return masked(value, null, caller);
    }

    /** The value as this caller may see it, for a value of the partner named (a page of one partner's tab). */
    @SuppressWarnings("unchecked")
    public static <T> T masked(T value, String partner, Caller caller) {
        if (!caller.roles().contains("REPORTING")) {
            return value; // only a reporting user has anything masked: spare everyone else the walk
        }
        return (T) walk(value, partner, caller::seesPersonalDataMaskedOf);
    }

    private static Object walk(Object value, String partner, Predicate<String> masks) {
        if (value instanceof List<?> list) {
            List<Object> walked = list.stream().map(element -> walk(element, partner, masks)).toList();
            return IntStream.range(0, list.size()).anyMatch(i -> walked.get(i) != list.get(i)) ? walked : list;
        }
        if (value instanceof Record record) {
            return rebuilt(record, partner, masks);
        }
        return value;
    }

    /** The record with its personal values masked and its parts walked; itself when nothing in it changed. */
    private static Record rebuilt(Record record, String partner, Predicate<String> masks) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        String owner = partner;
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], record);
            if (components[i].getName().equals("partnerId") && values[i] instanceof String rowPartner) {
                owner = rowPartner;
            }
        }
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            Object seen = PersonalData.Rule.isPersonal(components[i]) && values[i] != null && masks.test(owner)
                    ? MASK : walk(values[i], owner, masks);
            changed |= seen != values[i];
            values[i] = seen;
        }
        if (!changed) {
            return record;
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot mask " + record.getClass().getName(), e);
        }
    }

    /**
     * Masks, in a recorded event's JSON, each personal component of the event's record type ({@link PersonalData}),
     * walking nested records and lists of them.
     */
    public static void maskJson(JsonNode json, Class<?> type) {
        if (!(json instanceof ObjectNode object) || !type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (PersonalData.Rule.isPersonal(component)) {
                object.put(component.getName(), MASK);
            } else if (value.isArray() && component.getGenericType() instanceof ParameterizedType list
                       && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                value.forEach(each -> maskJson(each, element));
            } else {
                maskJson(value, component.getType());
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
