package io.benefitledger.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Which aggregate a command targets, from its {@code @TargetAggregateIdentifier}, and which version it expects, from
 * the {@code If-Match} its request carried ({@link CommandMetadata#EXPECTED_VERSION}). Axon compares the expected
 * version when it loads the aggregate, under the aggregate's lock, and refuses a command whose aggregate has moved
 * on; commands keep their domain shape instead of each carrying a version field.
 * <p>
 * The annotated member is found once per command type: Axon's own resolver walks every method and field of the
 * command for each command it resolves (3 % of a command's request thread).
 */
@Component("ifMatchTargetResolver")
public class IfMatchTargetResolver implements CommandTargetResolver {

    private static final ClassValue<Optional<AccessibleObject>> TARGETS = new ClassValue<>() {
        @Override
        protected Optional<AccessibleObject> computeValue(Class<?> command) {
            // methods first, as Axon's resolver looks
            return StreamSupport.stream(ReflectionUtils.methodsOf(command).spliterator(), false)
                    .map(AccessibleObject.class::cast)
                    .filter(method -> AnnotationUtils.isAnnotationPresent(method, TargetAggregateIdentifier.class))
                    .findFirst()
                    .or(() -> StreamSupport.stream(ReflectionUtils.fieldsOf(command).spliterator(), false)
                            .map(AccessibleObject.class::cast)
                            .filter(field -> AnnotationUtils.isAnnotationPresent(field, TargetAggregateIdentifier.class))
                            .findFirst())
                    .map(ReflectionUtils::ensureAccessible);
        }
    };

    /** Says why a command names no target, in Axon's words. */
    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_VERSION);
        Optional<AccessibleObject> member = TARGETS.get(command.getPayloadType());
        if (member.isEmpty()) {
            return annotations.resolveTarget(command);
        }
        Object target = valueOf(member.get(), command.getPayload());
        if (target == null) {
            return annotations.resolveTarget(command);
        }
        return new VersionedAggregateIdentifier(target, expected == null ? null : Long.valueOf(expected.toString()));
    }

    private static Object valueOf(AccessibleObject member, Object command) {
        try {
            return member instanceof Method method ? method.invoke(command) : ((Field) member).get(command);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the command's target could not be read", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
