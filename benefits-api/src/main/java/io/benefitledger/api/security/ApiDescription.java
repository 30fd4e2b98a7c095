package io.benefitledger.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description says how to authenticate (a bearer token, which Swagger UI can then send) and lists only
 * the parameters a client sends: the {@link Caller} controllers take comes from the token, not from the query.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI bearerAuthentication() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("a token of the configured issuer, or in local mode one from POST /local/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
