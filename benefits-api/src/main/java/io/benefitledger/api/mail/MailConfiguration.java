package io.benefitledger.api.mail;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /**
     * The notifications processor starts at the head of the log, not at its tail (Axon's default): shipped into a
     * ledger that holds years of events, it must not mail their history. Events recorded while no node ran it are
     * still decided: its token, once there, moves on from where it stood.
     */
    @Bean
    ConfigurerModule notificationsStartAtTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                Notifications.GROUP, (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
