package io.benefitledger.api.partner;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.Operation;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.web.ProblemType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.partner.AddUser;
import io.benefitledger.partner.ChangeCompanyAccountEmail;
import io.benefitledger.partner.ChangeQualifications;
import io.benefitledger.partner.ChangeUserRoles;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.RegisterPartner;
import io.benefitledger.partner.RemoveUser;
import io.benefitledger.partner.UserId;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.ForAnyPartner;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;

/** Partners and their user directory: who may act for a partner, with which roles. */
@Tag(name = "Partners")
@RestController
class PartnerController {

    private final CommandGateway commands;
    private final Clock clock;

    PartnerController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @param position the global position of the change: pass it as {@code awaitPosition} to read it back */
    @Schema(name = "PartnerRecorded")
    record Recorded(String partnerId, long position) {
    }

    @PreAuthorize("hasRole('PROGRAM_OPERATOR')")
    @Operation(operationId = "registerPartner", summary = "Register a partner with its company account e-mail, qualifications and first Global admin")
    @Refuses({ProblemType.CONFLICT})
    @ApiResponse(responseCode = "201", description = "registered", useReturnTypeSchema = true)
    @PostMapping("/partners")
    ResponseEntity<Recorded> register(@Valid @RequestBody PartnerRequests.Registration request, UriComponentsBuilder uris) {
        PartnerId partner = new PartnerId(request.partnerId());
        commands.sendAndWait(new RegisterPartner(partner, request.companyName(),
                new EmailAddress(request.companyAccountEmail()), request.qualifications(),
                new UserId(request.firstAdmin().userId()), request.firstAdmin().displayName(),
                new EmailAddress(request.firstAdmin().email()), clock.instant()));
        return ResponseEntity.created(uris.path("/partners/{partnerId}").build(partner.value()))
                .body(recorded(partner));
    }

    @PreAuthorize("hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN')")
    @Operation(operationId = "addUser", summary = "Add a user to the partner's directory, with roles (none for an employee benefits are assigned to)")
    @Refuses({ProblemType.USER_ALREADY_IN_DIRECTORY})
    @ApiResponse(responseCode = "201", description = "added", useReturnTypeSchema = true)
    @PostMapping("/partners/{partnerId}/users")
    ResponseEntity<Recorded> addUser(@PathVariable String partnerId, Caller caller,
                                     @Valid @RequestBody PartnerRequests.UserWithRoles request, UriComponentsBuilder uris) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new AddUser(partner, new UserId(request.userId()), request.displayName(),
                new EmailAddress(request.email()), request.roles(), caller.user(), clock.instant()));
        return ResponseEntity.created(uris.path("/partners/{partnerId}/users/{userId}").build(partnerId, request.userId()))
                .body(recorded(partner));
    }

    @PreAuthorize("hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN')")
    @Operation(operationId = "changeUserRoles", summary = "Change a user's roles")
    @Refuses({ProblemType.OWN_ROLES, ProblemType.LAST_GLOBAL_ADMIN})
    @PutMapping("/partners/{partnerId}/users/{userId}/roles")
    Recorded changeRoles(@PathVariable String partnerId, @PathVariable String userId,
                         Caller caller, @Valid @RequestBody PartnerRequests.Roles request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new ChangeUserRoles(partner, new UserId(userId), request.roles(), caller.user(),
                clock.instant()));
        return recorded(partner);
    }

    @PreAuthorize("hasAnyRole('GLOBAL_ADMIN', 'USER_ADMIN')")
    @Operation(operationId = "removeUser", summary = "Remove a user from the partner's directory")
    @Refuses({ProblemType.OWN_ROLES, ProblemType.LAST_GLOBAL_ADMIN})
    @DeleteMapping("/partners/{partnerId}/users/{userId}")
    Recorded removeUser(@PathVariable String partnerId, @PathVariable String userId,
                        Caller caller) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new RemoveUser(partner, new UserId(userId), caller.user(), clock.instant()));
        return recorded(partner);
    }

    @PreAuthorize("hasRole('GLOBAL_ADMIN')")
    @Operation(operationId = "changeCompanyAccountEmail", summary = "Change the partner's company account e-mail")
    @PutMapping("/partners/{partnerId}/company-account-email")
    Recorded changeCompanyAccountEmail(@PathVariable String partnerId, Caller caller,
                                       @Valid @RequestBody PartnerRequests.CompanyAccountEmail request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new ChangeCompanyAccountEmail(partner, new EmailAddress(request.email()),
                caller.user(), clock.instant()));
        return recorded(partner);
    }

    /** Partner level and competencies are the program's: its operator sets them, never the partner's own admins. */
    @PreAuthorize("hasRole('PROGRAM_OPERATOR')")
    @ForAnyPartner("PROGRAM_OPERATOR")
    @Operation(operationId = "changeQualifications", summary = "Set the partner's level and competencies, with the reason for the change")
    @PutMapping("/partners/{partnerId}/qualifications")
    Recorded changeQualifications(@PathVariable String partnerId, Caller caller,
                                  @Valid @RequestBody PartnerRequests.Qualifications request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new ChangeQualifications(partner, request.qualifications(), caller.user(),
                request.reason(), clock.instant()));
        return recorded(partner);
    }

    private Recorded recorded(PartnerId partner) {
        return new Recorded(partner.value(), CommandOutcome.current().position());
    }
}
