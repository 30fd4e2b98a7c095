package io.benefitledger.benefit;

import java.util.List;
import java.util.stream.IntStream;

/** Which subscriptions (assignable benefits, each an aggregate of its own) an allocation of a kind opens. */
public enum Opening {
    /** None: the package itself holds the allocation, and its keys are revealed from it. */
    NONE {
        @Override
        public List<Share> shares(String packageId, String allocationId, int quantity) {
            return List.of();
        }

        @Override
        public long count(int quantity) {
            return 0;
        }
    },
    /** One subscription holds the whole allocation. */
    WHOLE {
        @Override
        public List<Share> shares(String packageId, String allocationId, int quantity) {
            return List.of(new Share(SubscriptionId.of(packageId, allocationId), quantity));
        }

        @Override
        public long count(int quantity) {
            return 1;
        }
    },
    /** One subscription per unit, numbered from 1: seats. */
    EACH_UNIT {
        @Override
        public List<Share> shares(String packageId, String allocationId, int quantity) {
            return IntStream.rangeClosed(1, quantity)
                    .mapToObj(seat -> new Share(SubscriptionId.seat(packageId, allocationId, seat), 1)).toList();
        }

        @Override
        public long count(int quantity) {
            return quantity;
        }
    };

    /** A subscription an allocation opens, and how much of the allocation it holds. */
    public record Share(SubscriptionId subscriptionId, int quantity) {
    }

    public abstract List<Share> shares(String packageId, String allocationId, int quantity);

    /** How many subscriptions an allocation of {@code quantity} opens, counted without opening them. */
    public abstract long count(int quantity);
}
