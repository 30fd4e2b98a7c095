package io.benefitledger.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which aggregate a command targets, from its {@code @TargetAggregateIdentifier}, and which version it expects, from
 * the {@code If-Match} its request carried ({@link CommandMetadata#EXPECTED_VERSION}). Axon compares the expected
 * version when it loads the aggregate, under the aggregate's lock, and refuses a command whose aggregate has moved
 * on; commands keep their domain shape instead of each carrying a version field.
 */
@Component("ifMatchTargetResolver")
public class IfMatchTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        return expected == null ? target
                : new VersionedAggregateIdentifier(target.getIdentifierValue(), Long.valueOf(expected.toString()));
    }
}
