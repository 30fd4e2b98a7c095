package io.benefitledger.api.axon;

import jakarta.servlet.ServletRequest;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the command a request sent recorded, taken from its own unit of work and handed to the request once that has
 * committed: the global position of the last event it recorded (the events of the policies it set off, in the same
 * transaction, included) and the version of every aggregate it loaded or changed. Nothing is read from the database
 * after the commit, so no other writer's commit can slip into the answer, and a database lost after the commit
 * cannot turn a recorded command into a refusal. Commands run on the request's thread (Axon's simple command bus).
 *
 * @param position the global position of the last event recorded, 0 if none was
 * @param versions each aggregate's version after the command, by its event store identifier
 */
public record CommandOutcome(long position, Map<String, Long> versions) {

    private static final String ATTRIBUTE = CommandOutcome.class.getName();
    private static final String RESOURCE = CommandOutcome.class.getName() + ".recording";

    /** The outcome of the command the current request sent, once it has committed. */
    public static CommandOutcome current() {
        Object outcome = RequestContextHolder.currentRequestAttributes().getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (outcome == null) {
            throw new IllegalStateException("no command of this request has committed");
        }
        return (CommandOutcome) outcome;
    }

    /** The outcome of the command a request sent, if one has committed. */
    public static Optional<CommandOutcome> of(ServletRequest request) {
        return Optional.ofNullable((CommandOutcome) request.getAttribute(ATTRIBUTE));
    }

    public Optional<Long> version(String aggregate) {
        return Optional.ofNullable(versions.get(aggregate));
    }

    /** An event was stored in the current unit of work; its global index was taken from the sequence on insert. */
    static void eventRecorded(long position, String aggregate, long sequenceNumber) {
        recording().ifPresent(recording -> recording.recorded(position, aggregate, sequenceNumber));
    }

    /** A command handler is about to run on an aggregate at this version. */
    static void aggregateLoaded(String aggregate, long version) {
        recording().ifPresent(recording -> recording.versions.putIfAbsent(aggregate, version));
    }

    /** Kept in the root unit of work, which a policy's command joins; only a request's units of work keep one. */
    private static Optional<Recording> recording() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(RESOURCE, key -> {
            Recording recording = new Recording();
            root.afterCommit(committed -> request.setAttribute(ATTRIBUTE, recording.outcome(), RequestAttributes.SCOPE_REQUEST));
            return recording;
        }));
    }

    /** Used by the one thread that runs the unit of work. */
    private static final class Recording {

        private long position;
        private final Map<String, Long> versions = new HashMap<>();

        void recorded(long position, String aggregate, long sequenceNumber) {
            this.position = Math.max(this.position, position);
            versions.merge(aggregate, sequenceNumber, Math::max);
        }

        CommandOutcome outcome() {
            return new CommandOutcome(position, Map.copyOf(versions));
        }
    }
}
