package io.benefitledger.api.offer;

import io.benefitledger.api.axon.CommandOutcome;
import io.benefitledger.api.description.Refuses;
import io.benefitledger.api.security.Caller;
import io.benefitledger.api.security.ForAnyPartner;
import io.benefitledger.api.security.Rights;
import io.benefitledger.api.web.ProblemType;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.ActivateOffer;
import io.benefitledger.offer.ConfirmOfferFulfilment;
import io.benefitledger.offer.DesignateMarketingContact;
import io.benefitledger.offer.LanguageTag;
import io.benefitledger.offer.PhoneNumber;
import io.benefitledger.offer.UseOffer;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** A partner's Go-To-Market offers: the company marketing contact, activating, confirming and using offers. */
@Tag(name = "Go-To-Market")
@RestController
@RequestMapping("/partners/{partnerId}/go-to-market")
class GoToMarketController {


    private final CommandGateway commands;
    private final Clock clock;

    GoToMarketController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record Contact(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}") String userId,
                   @NotBlank @Size(max = 254) String alternativeEmail,
                   @NotBlank @Size(max = 16) String phone,
                   @NotBlank @Size(max = 35) String preferredLanguage) {
    }

    @Schema(name = "OfferFulfilment")
    record Fulfilment(@NotBlank @Size(max = 100) String fulfilmentReference) {
    }

    record Use(@NotBlank @Size(max = 2000) String purpose) {
    }

    /** @param position the global position of the change: pass it as {@code awaitPosition} to read it back */
    @Schema(name = "OfferRecorded")
    record Recorded(String partnerId, long position) {
    }

    @PreAuthorize(Rights.GO_TO_MARKET)
    @Operation(operationId = "designateMarketingContact", summary = "Designate or change the company marketing contact")
    @Refuses({ProblemType.USER_NOT_IN_DIRECTORY, ProblemType.ALTERNATIVE_EMAIL_IS_COMPANY_EMAIL, ProblemType.LANGUAGE_NOT_SUPPORTED})
    @PutMapping("/contact")
    Recorded designateContact(@PathVariable String partnerId, Caller caller,
                              @Valid @RequestBody Contact request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new DesignateMarketingContact(partner, new UserId(request.userId()),
                new EmailAddress(request.alternativeEmail()), new PhoneNumber(request.phone()),
                new LanguageTag(request.preferredLanguage()), caller.user(), clock.instant()));
        return recorded(partner);
    }

    @PreAuthorize(Rights.GO_TO_MARKET)
    @Operation(operationId = "activateOffer", summary = "Activate an offer; it is pending until fulfilled")
    @Refuses({ProblemType.NO_MARKETING_CONTACT, ProblemType.OFFER_PENDING, ProblemType.OFFER_ACTIVE, ProblemType.OFFER_EXPIRED, ProblemType.OFFER_WITHDRAWN})
    @PostMapping("/offers/{offerId}/activation")
    Recorded activate(@PathVariable String partnerId, @PathVariable String offerId,
                      Caller caller) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new ActivateOffer(partner, new OfferId(offerId), caller.user(), clock.instant()));
        return recorded(partner);
    }

    @PreAuthorize("hasRole('FULFILMENT')")
    @ForAnyPartner("FULFILMENT")
    @Operation(operationId = "confirmOfferFulfilment", summary = "Confirm an offer's pending activation: it is active until its expiry")
    @Refuses({ProblemType.OFFER_NOT_PENDING})
    @PostMapping("/offers/{offerId}/fulfilment")
    Recorded confirmFulfilment(@PathVariable String partnerId, @PathVariable String offerId,
                               @Valid @RequestBody Fulfilment request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new ConfirmOfferFulfilment(partner, new OfferId(offerId), request.fulfilmentReference(),
                clock.instant()));
        return recorded(partner);
    }

    @PreAuthorize(Rights.GO_TO_MARKET)
    @Operation(operationId = "useOffer", summary = "Record a use of an active offer")
    @Refuses({ProblemType.OFFER_NOT_ACTIVE, ProblemType.OFFER_EXPIRED, ProblemType.OFFER_WITHDRAWN})
    @PostMapping("/offers/{offerId}/uses")
    Recorded use(@PathVariable String partnerId, @PathVariable String offerId,
                 Caller caller, @Valid @RequestBody Use request) {
        PartnerId partner = new PartnerId(partnerId);
        commands.sendAndWait(new UseOffer(partner, new OfferId(offerId), caller.user(), request.purpose(),
                clock.instant()));
        return recorded(partner);
    }

    private Recorded recorded(PartnerId partner) {
        return new Recorded(partner.value(), CommandOutcome.current().position());
    }
}
