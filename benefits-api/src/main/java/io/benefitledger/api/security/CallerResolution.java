package io.benefitledger.api.security;

import io.benefitledger.api.web.AggregateVersions;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Hands controllers the {@link Caller}, and puts {@link TenantIsolation} in front of every partner's endpoints and
 * {@link RightsFirst} in front of every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class CallerResolution implements WebMvcConfigurer {

    private final AggregateVersions versions;

    CallerResolution(AggregateVersions versions) {
        this.versions = versions;
    }

    /** The caller of the current request; every endpoint that takes one is behind authentication. */
    static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return SecurityConfiguration.caller(token.getToken());
        }
        throw new IllegalStateException("no authenticated caller");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                return current();
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the Benefits page's pages of a partner are isolated exactly as the API's
        registry.addInterceptor(new TenantIsolation()).addPathPatterns("/partners/{partnerId}/**", "/console/partners/{partnerId}/**");
        // after tenant isolation (another partner's ids are not found, whatever the roles), before anything reads a body
        registry.addInterceptor(new RightsFirst());
        // after tenant isolation: another partner's aggregate versions are nobody's business
        registry.addInterceptor(versions).addPathPatterns("/partners/{partnerId}/**");
    }
}
