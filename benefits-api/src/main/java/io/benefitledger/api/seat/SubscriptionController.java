package io.benefitledger.api.seat;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.Operation;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.web.ProblemType;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.seat.AssignUser;
import io.benefitledger.seat.ConfirmFulfilment;
import io.benefitledger.seat.DrawBenefit;
import io.benefitledger.benefit.Phase;
import io.benefitledger.seat.RemoveAssignment;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.api.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import io.benefitledger.api.security.ForAnyPartner;
import io.benefitledger.api.security.Rights;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * Assignable benefits of a partner's packages (Visual Studio seats, usage-based Azure subscriptions, technical
 * benefits): assign, remove (reassign is remove then assign), confirm a pending activation, draw incidents and hours.
 */
@RestController
@RequestMapping("/partners/{partnerId}/subscriptions/{subscriptionId}")
class SubscriptionController {


    private final CommandGateway commands;
    private final Clock clock;

    SubscriptionController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record Assignment(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}") String userId,
                      @Size(max = 254) String alternativeEmail) {
    }

    @Schema(name = "SubscriptionFulfilment")
    record Fulfilment(@NotBlank @Size(max = 100) String fulfilmentReference) {
    }

    record Draw(Phase phase, @NotBlank @Size(max = 2000) String description, @Min(1) @Max(10_000) int amount) {
    }

    /** @param position the global position of the change: pass it as {@code awaitPosition} to read it back */
    @Schema(name = "SubscriptionRecorded")
    record Recorded(String subscriptionId, long position) {
    }

    @PreAuthorize(Rights.ASSIGN)
    @Operation(operationId = "assignUser", summary = "Assign a user to a seat, a usage-based Azure subscription (yourself) or a technical benefit (with an alternative e-mail)", tags = {"Visual Studio", "Cloud", "Technical"})
    @Refuses({ProblemType.SEAT_TAKEN, ProblemType.USER_NOT_IN_DIRECTORY, ProblemType.ASSIGN_YOURSELF, ProblemType.ALTERNATIVE_EMAIL_REQUIRED, ProblemType.ALTERNATIVE_EMAIL_IS_COMPANY_EMAIL, ProblemType.SUBSCRIPTION_REVOKED})
    @PostMapping("/assignment")
    Recorded assign(@PathVariable String partnerId, @PathVariable String subscriptionId,
                    Caller caller, @Valid @RequestBody Assignment request) {
        SubscriptionId subscription = new SubscriptionId(subscriptionId);
        commands.sendAndWait(new AssignUser(subscription, new PartnerId(partnerId), new UserId(request.userId()),
                request.alternativeEmail() == null ? null : new EmailAddress(request.alternativeEmail()),
                caller.user(), clock.instant()));
        return recorded(subscription);
    }

    @PreAuthorize(Rights.ASSIGN)
    @Operation(operationId = "removeAssignedUser", summary = "Remove the assigned user; reassigning is removing, then assigning another", tags = {"Visual Studio", "Cloud", "Technical"})
    @Refuses({ProblemType.NOT_ASSIGNED, ProblemType.SUBSCRIPTION_REVOKED})
    @DeleteMapping("/assignment")
    Recorded remove(@PathVariable String partnerId, @PathVariable String subscriptionId,
                    Caller caller) {
        SubscriptionId subscription = new SubscriptionId(subscriptionId);
        commands.sendAndWait(new RemoveAssignment(subscription, new PartnerId(partnerId), caller.user(),
                clock.instant()));
        return recorded(subscription);
    }

    @PreAuthorize("hasRole('FULFILMENT')")
    @ForAnyPartner("FULFILMENT")
    @Operation(operationId = "confirmTechnicalBenefitFulfilment", summary = "Confirm a technical benefit's pending activation (fulfilment)", tags = {"Technical"})
    @Refuses({ProblemType.NOT_PENDING, ProblemType.SUBSCRIPTION_REVOKED})
    @PostMapping("/fulfilment")
    Recorded confirmFulfilment(@PathVariable String partnerId, @PathVariable String subscriptionId,
                               @Valid @RequestBody Fulfilment request) {
        SubscriptionId subscription = new SubscriptionId(subscriptionId);
        commands.sendAndWait(new ConfirmFulfilment(subscription, new PartnerId(partnerId), request.fulfilmentReference(),
                clock.instant()));
        return recorded(subscription);
    }

    @PreAuthorize(Rights.ACT_FOR_PARTNER)
    @Operation(operationId = "drawTechnicalBenefit", summary = "Draw support incidents or hours (per phase) on an active technical benefit, never beyond what is left", tags = {"Technical"})
    @Refuses({ProblemType.NOT_DRAWABLE, ProblemType.BENEFIT_NOT_ACTIVE, ProblemType.NOT_THE_ASSIGNEE, ProblemType.PHASE_REQUIRED, ProblemType.ONE_INCIDENT_AT_A_TIME, ProblemType.BALANCE_EXCEEDED, ProblemType.SUBSCRIPTION_REVOKED})
    @PostMapping("/draws")
    Recorded draw(@PathVariable String partnerId, @PathVariable String subscriptionId,
                  Caller caller, @Valid @RequestBody Draw request) {
        SubscriptionId subscription = new SubscriptionId(subscriptionId);
        commands.sendAndWait(new DrawBenefit(subscription, new PartnerId(partnerId), request.phase(),
                request.description(), request.amount(), caller.user(), clock.instant()));
        return recorded(subscription);
    }

    private Recorded recorded(SubscriptionId subscription) {
        return new Recorded(subscription.value(), CommandOutcome.current().position());
    }
}
