package io.benefitledger;

import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEntry;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The benefit ledger service. Lives in the root package so that it finds the command and query modules too. */
@SpringBootApplication
@EnableScheduling
// The read models' entities and Axon's own (events, snapshots, sagas, dead letters), named explicitly; tokens are
// stored by Axon's JDBC token store.
@EntityScan(basePackageClasses = {BenefitLedgerApplication.class, DomainEventEntry.class, SagaEntry.class,
        DeadLetterEntry.class})
public class BenefitLedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker would call AxonIQ's servers; nothing in the ledger may call the internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BenefitLedgerApplication.class, args);
    }
}
