package io.benefitledger.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;

/**
 * Compares the version a command's {@code If-Match} names with its aggregate's version as loaded, before the command
 * handler decides anything: a client that read an old version learns that (412) rather than a rule's refusal of a
 * state it never saw (422). Axon's own comparison, at commit under the aggregate's lock, stays; it alone runs when a
 * handler has not thrown first. The version as loaded is also the answer of a command that records nothing on its
 * aggregate ({@link CommandOutcome}).
 */
@Component
class ExpectedVersionCheck implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean onAnExistingAggregate = original.canHandleMessageType(CommandMessage.class)
                                        && original.unwrap(Method.class).isPresent()
                                        && AnnotationUtils.isAnnotationPresent(original.declaringClass(), AggregateRoot.class);
        return onAnExistingAggregate ? new Checked<>(original) : original;
    }

    private static final class Checked<T> extends WrappedMessageHandlingMember<T> {

        Checked(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Long loaded = AggregateLifecycle.getVersion();
            if (loaded != null && Scope.describeCurrentScope() instanceof AggregateScopeDescriptor scope) {
                String aggregate = String.valueOf(scope.getIdentifier());
                CommandOutcome.aggregateLoaded(aggregate, loaded);
                Object expected = message.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
                long wanted = expected == null ? loaded : Long.parseLong(expected.toString());
                if (wanted != loaded) {
                    throw new ConflictingAggregateVersionException(aggregate, wanted, loaded);
                }
            }
            return super.handle(message, target);
        }
    }
}
