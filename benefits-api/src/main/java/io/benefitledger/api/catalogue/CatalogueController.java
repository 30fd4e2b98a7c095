package io.benefitledger.api.catalogue;

import io.benefitledger.NotFound;
import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.web.ProblemType;
import io.benefitledger.catalogue.OfferingHistory;
import io.benefitledger.catalogue.OfferingPublished;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.catalogue.PublishOffering;
import io.benefitledger.catalogue.WithdrawOffering;
import io.benefitledger.pkg.OfferingId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The program's catalogue: the offerings partners buy, published and withdrawn by the program operator, read by
 * anyone signed in. Every version stays readable: it is what the packages bought of it hold.
 */
@Tag(name = "Catalogue")
@RestController
@RequestMapping("/catalogue/offerings")
class CatalogueController {

    private static final String ANYONE_SIGNED_IN = "hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN', 'ADMIN_AGENT', "
            + "'MPN_PARTNER_ADMIN', 'AUDITOR', 'REPORTING', 'PROGRAM_OPERATOR', 'FULFILMENT')";

    private final CommandGateway commands;
    private final Offerings offerings;
    private final Clock clock;

    CatalogueController(CommandGateway commands, Offerings offerings, Clock clock) {
        this.commands = commands;
        this.offerings = offerings;
        this.clock = clock;
    }

    /**
     * @param version  the version on sale after the command
     * @param position the global position of the command's last event, 0 when it recorded none (the same contents
     *                 published again)
     */
    @Schema(name = "OfferingRecorded")
    record Recorded(String offeringId, int version, long position) {
    }

    /** One version of an offering, in the shape it is published in, and whether the offering is on sale now. */
    @Schema(name = "OfferingVersion")
    record VersionView(String offeringId, int version, boolean current, boolean onSale, Instant publishedAt,
                       String publishedBy, OfferingRequest contents) {
    }

    @Schema(name = "OfferingSummary")
    record Summary(String offeringId, String name, int currentVersion, boolean onSale, Integer perMembershipYear) {
    }

    record Catalogue(List<Summary> offerings) {
    }

    @PreAuthorize("hasRole('PROGRAM_OPERATOR')")
    @Operation(operationId = "publishOffering", summary = "Publish an offering, or a revision of it as its next version",
            description = "A partner buys the current version from then on; packages bought of earlier versions keep what they hold. The very contents of the version on sale, sent again, publish nothing. A withdrawn offering is put on sale again by a new version.")
    @Refuses({ProblemType.EMPTY_PACKAGE, ProblemType.DUPLICATE_ALLOCATION, ProblemType.PACKAGE_TOO_LARGE, ProblemType.CONFLICT})
    @PutMapping("/{offeringId}")
    Recorded publish(@PathVariable String offeringId, Caller caller, @Valid @RequestBody OfferingRequest request) {
        OfferingId offering = new OfferingId(offeringId);
        int version = commands.sendAndWait(new PublishOffering(offering, request.contents(), caller.user(),
                clock.instant()));
        return new Recorded(offeringId, version, CommandOutcome.current().position());
    }

    @PreAuthorize("hasRole('PROGRAM_OPERATOR')")
    @Operation(operationId = "withdrawOffering", summary = "Withdraw an offering: it can no longer be bought",
            description = "Packages bought of it keep what they hold; publishing a new version puts it on sale again.")
    @Refuses({ProblemType.OFFERING_WITHDRAWN, ProblemType.CONFLICT})
    @PostMapping("/{offeringId}/withdrawal")
    Recorded withdraw(@PathVariable String offeringId, Caller caller) {
        OfferingId offering = new OfferingId(offeringId);
        int version = commands.sendAndWait(new WithdrawOffering(offering, caller.user(), clock.instant()));
        return new Recorded(offeringId, version, CommandOutcome.current().position());
    }

    @PreAuthorize(ANYONE_SIGNED_IN)
    @Operation(operationId = "listOfferings", summary = "Every offering of the catalogue, its current version and whether it is on sale")
    @GetMapping
    Catalogue list() {
        return new Catalogue(offerings.all().stream().map(history -> {
            OfferingPublished current = history.current();
            return new Summary(history.offeringId().value(), current.contents().name(), current.version(),
                    history.withdrawn() == null, current.contents().limit() == null ? null
                            : current.contents().limit().perMembershipYear());
        }).toList());
    }

    @PreAuthorize(ANYONE_SIGNED_IN)
    @Operation(operationId = "readOffering", summary = "An offering's current version: what a purchase of it gets now")
    @GetMapping("/{offeringId}")
    VersionView read(@PathVariable String offeringId) {
        OfferingHistory history = history(offeringId);
        return view(history, history.current());
    }

    @PreAuthorize(ANYONE_SIGNED_IN)
    @Operation(operationId = "readOfferingVersion", summary = "One version of an offering, as it was published: what the packages bought of it hold")
    @GetMapping("/{offeringId}/versions/{version}")
    VersionView readVersion(@PathVariable String offeringId, @PathVariable int version) {
        OfferingHistory history = history(offeringId);
        return view(history, history.version(version)
                .orElseThrow(() -> new NotFound("version of offering " + offeringId, version)));
    }

    private OfferingHistory history(String offeringId) {
        OfferingId offering = new OfferingId(offeringId);
        return offerings.find(offering).orElseThrow(() -> new NotFound("offering", offering));
    }

    private static VersionView view(OfferingHistory history, OfferingPublished version) {
        boolean current = version.version() == history.current().version();
        return new VersionView(history.offeringId().value(), version.version(), current,
                current && history.withdrawn() == null, version.at(), version.publishedBy().value(),
                OfferingRequest.of(version.contents()));
    }
}
