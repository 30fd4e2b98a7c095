package io.benefitledger.api.offer;

import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.ProgramLanguages;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The languages the program communicates in come from configuration, not code: {@code ledger.go-to-market.languages}.
 * Which offers a package grants is its offering's, in the catalogue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgramLanguagesConfiguration.GoToMarketProperties.class)
class ProgramLanguagesConfiguration {

    @ConfigurationProperties("ledger.go-to-market")
    record GoToMarketProperties(List<String> languages) {
    }

    @Bean
    ProgramLanguages programLanguages(GoToMarketProperties properties) {
        return new ProgramLanguages(properties.languages().stream().map(LanguageTag::new).toList());
    }
}
