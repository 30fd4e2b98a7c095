package io.benefitledger.api.axon;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;

/**
 * Axon's JPA token store, except that nodes starting together on a fresh database take turns creating a processor's
 * segments.
 * <p>
 * Each processor creates its segments when it starts, in the starting thread, if it finds none. Two nodes that both
 * find none both insert: the second insert waits for the first node's commit, fails on the primary key, and the
 * failure marks the transaction rollback-only, so its commit throws out of {@code start()} and that node exits. Here
 * the creation takes a PostgreSQL advisory lock per processor, held to the end of its transaction, and looks again
 * once it has the lock: the node that waited finds the segments the other committed and creates nothing.
 */
final class TakingTurnsTokenStore extends JpaTokenStore {

    private final EntityManagerProvider entityManagerProvider;

    TakingTurnsTokenStore(JpaTokenStore.Builder builder, EntityManagerProvider entityManagerProvider) {
        super(builder.entityManagerProvider(entityManagerProvider));
        this.entityManagerProvider = entityManagerProvider;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        entityManagerProvider.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('token_entry/' || :processor))")
                .setParameter("processor", processorName)
                .getSingleResult();
        if (fetchSegments(processorName).length == 0) {
            super.initializeTokenSegments(processorName, segmentCount, initialToken);
        }
    }
}
