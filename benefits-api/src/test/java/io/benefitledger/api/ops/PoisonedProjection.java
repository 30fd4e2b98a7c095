package io.benefitledger.api.ops;

import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackagePurchased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A projection with a bug: it fails on every event of a package whose id starts with {@code poison-} until the bug
 * is fixed ({@link #fix()}). It records what it handled, per package, in order. Not in the benchmark's service.
 */
@Component
@Profile("!benchmark")
@ProcessingGroup(PoisonedProjection.NAME)
class PoisonedProjection {

    static final String NAME = "poisoned-test-projection";

    final Map<String, List<String>> handled = new ConcurrentHashMap<>();
    private volatile boolean fixed;

    @EventHandler
    void on(PackagePurchased event) {
        handle(event.packageId().value(), "PackagePurchased");
    }

    @EventHandler
    void on(KeysRevealed event) {
        handle(event.packageId().value(), "KeysRevealed");
    }

    void fix() {
        fixed = true;
    }

    private void handle(String packageId, String what) {
        if (packageId.startsWith("poison-") && !fixed) {
            throw new IllegalStateException("cannot project " + what + " of " + packageId);
        }
        handled.computeIfAbsent(packageId, id -> new CopyOnWriteArrayList<>()).add(what);
    }
}
