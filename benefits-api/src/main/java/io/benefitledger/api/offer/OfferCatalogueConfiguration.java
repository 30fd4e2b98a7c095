package io.benefitledger.api.offer;

import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.OfferCatalogue;
import io.benefitledger.offer.OfferGrant;
import io.benefitledger.offer.OfferId;
import io.benefitledger.offer.ProgramLanguages;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The Go-To-Market offer catalogue and the languages the program communicates in come from configuration, not code:
 * {@code ledger.go-to-market.catalogue} and {@code .languages}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferCatalogueConfiguration.GoToMarketProperties.class)
class OfferCatalogueConfiguration {

    @ConfigurationProperties("ledger.go-to-market")
    record GoToMarketProperties(List<CatalogueOffer> catalogue, List<String> languages) {

        record CatalogueOffer(String offerId, String name, Duration validity, Set<String> qualifications) {
        }
    }

    @Bean
    OfferCatalogue offerCatalogue(GoToMarketProperties properties) {
        return new OfferCatalogue(properties.catalogue() == null ? List.of() : properties.catalogue().stream()
                .map(offer -> new OfferCatalogue.Entry(new OfferGrant(new OfferId(offer.offerId()), offer.name(),
                        offer.validity()), offer.qualifications()))
                .toList());
    }

    @Bean
    ProgramLanguages programLanguages(GoToMarketProperties properties) {
        return new ProgramLanguages(properties.languages().stream().map(LanguageTag::new).toList());
    }
}
