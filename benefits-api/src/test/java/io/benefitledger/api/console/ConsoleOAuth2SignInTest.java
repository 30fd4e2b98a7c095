package io.benefitledger.api.console;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.benefitledger.BenefitLedgerApplication;
import io.benefitledger.testsupport.Browser;
import io.benefitledger.testsupport.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jwt mode: the Benefits page signs a user in at the identity provider with the authorization code and PKCE, here a
 * real one (Spring Authorization Server) running beside the service, which insists on a proof key. The access token
 * it issues is then the session's caller, as it would be a bearer token's.
 */
// the service itself: a nested @Configuration would otherwise be taken for the application under test
@SpringBootTest(classes = BenefitLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = {FreshDatabase.class, ConsoleOAuth2SignInTest.IdentityProvider.class})
class ConsoleOAuth2SignInTest {

    static final String PARTNER = "contoso-" + UUID.randomUUID().toString().substring(0, 8);
    static final String AUDIENCE = "benefit-ledger";
    static final int LEDGER_PORT = freePort();
    static ConfigurableApplicationContext provider;

    /** Starts the provider (on localhost: its session cookie must not be the service's, on 127.0.0.1) and points the service at it. */
    static class IdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (provider == null) {
                provider = new SpringApplicationBuilder(AuthorizationServer.class).web(WebApplicationType.SERVLET)
                        .properties("spring.main.banner-mode=off", "server.port=0").run();
            }
            String issuer = "http://localhost:" + ((ServletWebServerApplicationContext) provider).getWebServer().getPort();
            TestPropertyValues.of(
                    "server.port=" + LEDGER_PORT,
                    "ledger.security.mode=jwt",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                    "spring.security.oauth2.client.registration.ledger.client-id=benefits-page",
                    "spring.security.oauth2.client.registration.ledger.client-secret=page-secret",
                    "spring.security.oauth2.client.registration.ledger.authorization-grant-type=authorization_code",
                    "spring.security.oauth2.client.registration.ledger.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                    "spring.security.oauth2.client.registration.ledger.scope=openid",
                    "spring.security.oauth2.client.provider.ledger.issuer-uri=" + issuer).applyTo(context);
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void a_user_signs_in_at_the_identity_provider_with_pkce_and_acts_as_its_token_says() {
        try (Browser browser = Browser.start("en-US")) {
            WebDriver page = browser.driver();
            page.get("http://127.0.0.1:" + LEDGER_PORT + "/");
            assertThat(page.getCurrentUrl()).endsWith("/console/sign-in");
            assertThat(page.findElements(By.id("userId"))).as("no developer sign-in in jwt mode").isEmpty();
            page.findElement(By.id("sign-in-provider")).click();

            new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            assertThat(page.getCurrentUrl()).startsWith("http://localhost:");
            browser.screenshot("oauth2-identity-provider");
            page.findElement(By.name("username")).sendKeys("alice");
            page.findElement(By.name("password")).sendKeys("alice-password");
            page.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(page, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
            assertThat(page.getCurrentUrl()).isEqualTo("http://127.0.0.1:" + LEDGER_PORT + "/console/partners/" + PARTNER + "/software");
            assertThat(page.findElement(By.id("signed-in")).getText()).isEqualTo("Signed in as alice");
            assertThat(page.findElement(By.className("roles")).getText()).isEqualTo("GLOBAL_ADMIN");
            browser.screenshot("oauth2-signed-in");

            page.get("http://127.0.0.1:" + LEDGER_PORT + "/console/partners/fabrikam/software");
            assertThat(page.findElement(By.id("refusal-detail")).getText()).isEqualTo("partner fabrikam was not found");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real OAuth2 / OpenID Connect provider: one client that must use PKCE, one user, tokens for the ledger. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    // a web server with Spring MVC and the security filter, and nothing of the ledger's own configuration
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class AuthorizationServer {

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}alice-password").roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId("benefits-page").clientId("benefits-page")
                    .clientSecret("{noop}page-secret").clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1:" + LEDGER_PORT + "/login/oauth2/code/ledger")
                    .scope(OidcScopes.OPENID)
                    // a request without a code challenge is refused: the page must use PKCE
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The ledger's claims, in the access tokens the provider issues for it. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims() {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().audience(List.of(AUDIENCE)).claim("partner", PARTNER)
                            .claim("roles", List.of("GLOBAL_ADMIN"));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("provider").generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The provider's own user-info endpoint reads its tokens with it. */
        @Bean
        JwtDecoder providerTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
