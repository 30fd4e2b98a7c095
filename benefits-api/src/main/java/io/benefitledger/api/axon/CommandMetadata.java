package io.benefitledger.api.axon;

import io.benefitledger.api.web.AggregateVersions;
import io.benefitledger.api.web.RequestIds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every event records who caused it, for which partner, and through which request: a command is stamped with the
 * caller and request id when it is dispatched, and those keys travel to every event it (or a policy it sets off)
 * records, beside Axon's own correlation and trace ids.
 */
@Component
public class CommandMetadata {

    public static final String ACTING_USER = "actingUser";
    public static final String ACTING_PARTNER = "actingPartner";
    public static final String REQUEST_ID = "requestId";
    /** The aggregate version the request's If-Match names; only the request's own command expects it. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    CommandMetadata(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new Stamp());
    }

    static class Stamp implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Map<String, Object> stamp = new HashMap<>();
                if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                    stamp.put(ACTING_USER, token.getToken().getSubject());
                    String partner = token.getToken().getClaimAsString("partner");
                    if (partner != null) {
                        stamp.put(ACTING_PARTNER, partner);
                    }
                }
                String requestId = RequestIds.current();
                if (requestId != null) {
                    stamp.put(REQUEST_ID, requestId);
                }
                boolean sentByThePolicyOfAnotherCommand = CurrentUnitOfWork.isStarted();
                if (!sentByThePolicyOfAnotherCommand
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes http) {
                    Long expected = AggregateVersions.expectedVersion(http.getRequest());
                    if (expected != null) {
                        stamp.put(EXPECTED_VERSION, expected);
                    }
                }
                // a policy's command keeps what its cause was stamped with
                stamp.keySet().removeAll(command.getMetaData().keySet());
                return command.andMetaData(stamp);
            };
        }
    }
}
