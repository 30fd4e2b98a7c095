package io.benefitledger.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.web.ProblemType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the program's operator runs: the projections' processors, their rebuilds and their dead letters. */
@Tag(name = "Operations")
@RestController
@RequestMapping("/operations/processors")
@PreAuthorize("hasRole('PROGRAM_OPERATOR')")
class OperationsController {

    /** A projection's processor as this node sees it; {@code segments} are the ones this node holds. */
    record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, long head,
                           List<Segment> segments, long deadLetters, ProjectionRebuilds.Progress rebuild) {
    }

    record Segment(int segment, long position, long behindHead, boolean replaying, boolean error) {
    }

    private final EventProcessingConfiguration processing;
    private final ProjectionRebuilds rebuilds;
    private final DeadLetters deadLetters;

    OperationsController(EventProcessingConfiguration processing, ProjectionRebuilds rebuilds, DeadLetters deadLetters) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @Operation(operationId = "listProcessors", summary = "Each projection's processor: running, segments held here, lag, dead letters, last rebuild")
    @GetMapping
    Map<String, ProcessorStatus> processors() {
        Map<String, ProcessorStatus> statuses = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                statuses.put(name, status(name));
            }
        });
        return statuses;
    }

    @Operation(operationId = "readProcessor", summary = "One projection's processor")
    @GetMapping("/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return status(name);
    }

    /** Starts a rebuild and answers at once; the processor's own resource shows its progress. */
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection from the event store; answers at once, the processor shows progress")
    @Refuses({ProblemType.PROCESSOR_OWNED_ELSEWHERE, ProblemType.PROCESSOR_NOT_REBUILDABLE})
    @ApiResponse(responseCode = "202", description = "started", useReturnTypeSchema = true)
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProcessorStatus> rebuild(@PathVariable String name) {
        rebuilds.rebuild(name);
        return ResponseEntity.accepted().location(URI.create("/operations/processors/" + name)).body(status(name));
    }

    @Operation(operationId = "listDeadLetters", summary = "Events the projection failed on, parked with their aggregate's later events")
    @GetMapping("/{name}/dead-letters")
    List<DeadLetters.Letter> deadLetters(@PathVariable String name) {
        rebuilds.processor(name);
        return deadLetters.list(name);
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry the dead letters after a fix")
    @PostMapping("/{name}/dead-letters/retry")
    DeadLetters.Retried retryDeadLetters(@PathVariable String name) {
        rebuilds.processor(name);
        return deadLetters.retry(name);
    }

    private ProcessorStatus status(String name) {
        StreamingEventProcessor processor = rebuilds.processor(name);
        long head = rebuilds.head();
        List<Segment> segments = processor.processingStatus().values().stream()
                .map(status -> segment(status, head))
                .sorted(java.util.Comparator.comparingInt(Segment::segment))
                .toList();
        return new ProcessorStatus(name, processor.isRunning(), processor.isError(), processor.isReplaying(), head,
                segments, deadLetters.count(name), rebuilds.progress(name).orElse(null));
    }

    private static Segment segment(EventTrackerStatus status, long head) {
        long position = status.getCurrentPosition().orElse(-1);
        return new Segment(status.getSegment().getSegmentId(), position, Math.max(0, head - position),
                status.isReplaying(), status.isErrorState());
    }
}
