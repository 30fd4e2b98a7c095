package io.benefitledger.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * What every request body gets before any controller sees it: a size limit, and only text the ledger stores
 * ({@link UnicodeText}): control characters have no place in a ledger's names and descriptions and hide in logs and
 * exports, and a lone surrogate or a non-character is not text at all. Line breaks and tabs are text.
 */
@Configuration(proxyBeanMethods = false)
class HostileInput {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noControlCharacters() {
        SimpleModule module = new SimpleModule("no-control-characters");
        module.addDeserializer(String.class, new TextOnly());
        return builder -> builder.modulesToInstall(module);
    }

    /**
     * Bodies over {@code ledger.http.maximum-body-size} are refused: by their declared length before they are read,
     * and a chunked body, which declares none, once it has grown past the limit while it is read. After
     * authentication, and before anything else reads a body (an idempotent command's is read to be hashed).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodySizeLimit(@Value("${ledger.http.maximum-body-size}") DataSize maximum) {
        int limit = Math.toIntExact(maximum.toBytes());
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long length = request.getContentLengthLong();
                HttpServletRequest checked = request;
                if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                    byte[] body = request.getInputStream().readNBytes(limit + 1);
                    length = body.length;
                    checked = new CachedBodyRequest(request, body);
                }
                if (length > limit) {
                    Problems.write(response, ProblemType.BODY_TOO_LARGE,
                            "a request body may be at most " + maximum.toKilobytes() + " KB");
                    return;
                }
                chain.doFilter(checked, response);
            }
        });
        registration.setOrder(0); // after Spring Security's chain (-100), before the filters that declare no order
        return registration;
    }

    static class TextOnly extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null) {
                Optional<String> refusal = UnicodeText.refusal(text);
                if (refusal.isPresent()) {
                    throw JsonMappingException.from(parser, refusal.get());
                }
            }
            return text;
        }
    }
}
