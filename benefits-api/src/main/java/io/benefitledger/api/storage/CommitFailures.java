package io.benefitledger.api.storage;

import io.benefitledger.api.web.OutcomeUnknown;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring Boot's JPA transaction manager, used by Axon's units of work and by every transaction template, which also
 * marks the request whose commit failed: once the commit was sent, the database may have recorded the command or
 * not, and the answer must say so ({@link OutcomeUnknown}) instead of "nothing was recorded".
 */
@Configuration(proxyBeanMethods = false)
class CommitFailures {

    @Bean
    PlatformTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager manager = new JpaTransactionManager() {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                try {
                    super.doCommit(status);
                } catch (RuntimeException failure) {
                    OutcomeUnknown.markCurrentRequest();
                    throw failure;
                }
            }
        };
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }
}
