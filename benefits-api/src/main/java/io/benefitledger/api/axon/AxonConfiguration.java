package io.benefitledger.api.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.benefitledger.catalogue.OfferingPurchases;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.lifecycle.DeadlineSchedule;
import io.benefitledger.lifecycle.Deadlines;
import io.benefitledger.lifecycle.OfferCancellations;
import io.benefitledger.lifecycle.PackageBenefits;
import io.benefitledger.offer.GoToMarketOpening;
import io.benefitledger.offer.GtmOffer;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.pkg.LicenseKeyIssuer;
import io.benefitledger.pkg.MembershipTerms;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** How the ledger runs Axon: what it stores events as, and how its projections are fed. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * The stored format of events, snapshots, tokens and metadata. Built here and never exposed as a bean, so that
     * configuring the web layer's JSON can never change what is written to the event store.
     */
    static ObjectMapper storageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Snapshots store an aggregate's fields; aggregates have no getters, records are read by components.
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                // Tolerant reader: an event written by a newer revision may carry fields an older node ignores.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    /** Events are immutable: none is written with text that could not be read back. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return new ReadableTextSerializer(JacksonSerializer.builder().objectMapper(storageObjectMapper()).build());
    }

    /**
     * Axon's JPA storage engine as its Spring Boot auto-configuration builds it, but reading {@code batch-size}
     * events per query instead of 100: a rebuild and a long aggregate's history are read in ten times fewer round
     * trips.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          @Value("${ledger.event-store.batch-size}") int batchSize) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(batchSize)
                .build();
    }

    /**
     * Axon's JDBC token store on the transaction's own connection, so a token commits with the read models' rows, on
     * which nodes take turns creating segments.
     */
    @Bean
    TokenStore tokenStore(Serializer serializer, DataSource dataSource, TokenStoreProperties properties) {
        return new TakingTurnsTokenStore(dataSource, serializer, properties.getClaimTimeout());
    }

    /**
     * The event store as Axon's auto-configuration builds it, but whose streams wake the processors when an event is
     * committed here instead of half a second later ({@link PromptEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.processing.wake-interval}") Duration wakeInterval) {
        return new PromptEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), wakeInterval);
    }

    /**
     * Every projection runs in a pooled streaming processor. Events are handled in batches of
     * {@code ledger.processing.batch-size}, each batch and its token update in one transaction: Axon's default of
     * one event per transaction makes a rebuild crawl. Segments let several threads, or several nodes, share a
     * processor's work; events of one aggregate always stay in one segment, in order.
     */
    @Bean
    ConfigurerModule pooledStreamingProjections(@Value("${ledger.processing.batch-size}") int batchSize,
                                                @Value("${ledger.processing.segments}") int segments) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments));
    }

    /**
     * A projection that fails on an event parks it, and the later events of the same aggregate, in a dead-letter
     * queue instead of logging and skipping it (Axon's default), while it goes on with every other aggregate. The
     * queue is a table beside the read models; an operator sees and retries it over {@code /operations}.
     */
    /** The processing groups, found on the event handlers: which run with the command, which in the background. */
    @Bean
    EventHandlerGroups eventHandlerGroups(ListableBeanFactory beans) {
        return EventHandlerGroups.of(beans);
    }

    @Bean
    ConfigurerModule projectionDeadLetterQueues(EventHandlerGroups groups) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                // Without the cache every event costs a dead-letter lookup in the database, which made a rebuild
                // crawl; a reset clears the queue, since the replay handles its events again.
                for (String group : groups.inTheBackground()) {
                    configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (configuration, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
                }
                configurer.eventProcessing().registerDeadLetterQueueProvider(group ->
                        groups.withTheCommand().contains(group) ? null : configuration -> JpaSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .entityManagerProvider(configuration.getComponent(EntityManagerProvider.class))
                                .transactionManager(configuration.getComponent(TransactionManager.class))
                                .eventSerializer(configuration.eventSerializer())
                                .genericSerializer(configuration.serializer())
                                .build());
            }

            /** After Axon's own provider, which enables a queue only for processors named in properties. */
            @Override
            public int order() {
                return 1;
            }
        };
    }

    /**
     * What the write side itself depends on runs in the transaction that records the events, never later:
     * the directory commands are checked against, and the policies that open a package's seats and grant its offers
     * (or revoke them on a refund). A failure there rolls the whole command back instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule synchronousWriteSideHandlers(EventHandlerGroups groups) {
        return configurer -> {
            for (String group : groups.withTheCommand()) {
                configurer.eventProcessing()
                        .registerSubscribingEventProcessor(group)
                        .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
            }
        };
    }

    /**
     * Snapshots are taken after the command's commit on a thread of their own, as Axon's auto-configuration would take
     * them in the request's thread (5 % of a key reveal's request time, JFR). One thread, a bounded queue: a snapshot
     * dropped when a hundred wait is taken again at its aggregate's next trigger; none is needed for correctness.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        CustomizableThreadFactory thread = new CustomizableThreadFactory("snapshotter-");
        // a snapshot cut short by the JVM's exit rolls back and is taken again later
        thread.setDaemon(true);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                thread, new ThreadPoolExecutor.DiscardPolicy());
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /**
     * Long-lived aggregates (a package revealing keys for years, a seat reassigned over and over) are loaded from a
     * snapshot plus the events after it instead of their whole history.
     */
    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${ledger.snapshots.after-events}") int afterEvents) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, afterEvents);
    }

    /** Carries the caller and request id stamped on a command ({@link CommandMetadata}) to the events it causes. */
    @Bean
    CorrelationDataProvider callerAndRequest() {
        return new SimpleCorrelationDataProvider(CommandMetadata.ACTING_USER, CommandMetadata.ACTING_PARTNER,
                CommandMetadata.REQUEST_ID);
    }

    /** Axon's correlation and trace ids; declared because declaring any provider replaces Axon's default. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    PackageBenefits packageBenefits(CommandGateway commands, PartnerDirectory directory, Offerings offerings) {
        return new PackageBenefits(commands, directory, offerings);
    }

    @Bean
    OfferingPurchases offeringPurchases(Offerings offerings, CommandGateway commands) {
        return new OfferingPurchases(offerings, commands);
    }

    @Bean
    OfferCancellations offerCancellations(@Qualifier("gtmOfferRepository") Repository<GtmOffer> offerSets,
                                          CommandGateway commands) {
        return new OfferCancellations(offerSets, commands);
    }

    @Bean
    Deadlines deadlines(DeadlineSchedule schedule) {
        return new Deadlines(schedule);
    }

    /** How the program measures a membership year; recorded with each year as it begins, so a change applies to later years. */
    @Bean
    MembershipTerms membershipTerms(@Value("${ledger.membership.renewal-window}") Duration renewalWindow,
                                    @Value("${ledger.membership.grace-period}") Duration gracePeriod) {
        return new MembershipTerms(renewalWindow, gracePeriod);
    }

    @Bean
    GoToMarketOpening goToMarketOpening(CommandGateway commands) {
        return new GoToMarketOpening(commands);
    }

    @Bean
    LicenseKeyIssuer licenseKeyIssuer() {
        return new LicenseKeyIssuer(new SecureRandom());
    }

    /**
     * The clock that stamps commands at the edge; domain code never reads a clock itself. It ticks in whole
     * milliseconds, the precision the refund window is defined to, so that an instant reads the same in an event,
     * in a read model's timestamp column and in a decision.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
