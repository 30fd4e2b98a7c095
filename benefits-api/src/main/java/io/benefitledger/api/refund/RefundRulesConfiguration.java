package io.benefitledger.api.refund;

import io.benefitledger.pkg.refund.RefundPolicy;
import io.benefitledger.pkg.refund.RefundRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;

/**
 * Which refund rule version was in force when comes from configuration, {@code ledger.refund-rules}: a version's
 * start is a fact of the release that shipped it, so it ships with that release. {@link RefundRules} refuses, at
 * start, terms out of order, versions the code does not have, and a version skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RefundRulesConfiguration.RefundRulesProperties.class)
class RefundRulesConfiguration {

    @ConfigurationProperties("ledger")
    record RefundRulesProperties(List<Term> refundRules) {

        record Term(String version, Instant effectiveFrom) {
        }
    }

    @Bean
    RefundRules refundRules(RefundRulesProperties properties) {
        if (properties.refundRules() == null) {
            throw new IllegalStateException("ledger.refund-rules is not configured: name each refund rule version "
                    + "and the instant it took effect");
        }
        return new RefundRules(properties.refundRules().stream()
                .map(term -> new RefundRules.Term(RefundPolicy.ofVersion(term.version()), term.effectiveFrom()))
                .toList());
    }
}
