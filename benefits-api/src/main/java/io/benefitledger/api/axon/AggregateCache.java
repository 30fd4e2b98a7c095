package io.benefitledger.api.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The aggregates this node last handled commands on, so that the next command on one starts from it instead of its
 * snapshot and the events since, read and deserialized again. Another node may have recorded events on an aggregate
 * since: an entry is handed out only while the event store holds no later event of its aggregate (one look at the
 * store's unique index on aggregate and sequence number, in the command's transaction), otherwise it is dropped and
 * the aggregate loaded from the store. So no command is decided, refused or answered with an {@code ETag} from a state
 * another node has moved past; a write that races the look is refused by the store's unique key as without the cache,
 * and Axon drops the entry of any command that rolls back. Holds at most {@code capacity} aggregates, least recently
 * used out first.
 */
@Component(AggregateCache.NAME)
final class AggregateCache implements Cache {

    /** The bean every aggregate names in {@code @Aggregate(cache = ...)}. */
    static final String NAME = "aggregateCache";

    /** Axon's entry keeps the version it was cached at to itself. */
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JdbcTemplate store;
    private final Map<Object, Object> entries;

    AggregateCache(JdbcTemplate store, @Value("${ledger.event-store.cached-aggregates}") int capacity) {
        this.store = store;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !current(String.valueOf(key), cached)) {
            remove(key);
            return null;
        }
        return (V) entry;
    }

    private boolean current(String aggregate, AggregateCacheEntry<?> cached) {
        Long stored = store.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregate);
        return Objects.equals(stored, VERSION.get(cached));
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Axon's repositories do not listen to their cache, and nothing else does. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the aggregate cache tells no listeners");
    }
}
