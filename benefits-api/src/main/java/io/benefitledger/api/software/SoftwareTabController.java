package io.benefitledger.api.software;

import io.benefitledger.api.web.ReadModels;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.query.software.FindSoftwareBenefits;
import io.benefitledger.query.software.SoftwareTab;
import io.benefitledger.query.software.SoftwareTabProjection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Software tab: each licensed product of the partner's packages, with keys allocated, revealed and left. */
@RestController
class SoftwareTabController {

    private final ReadModels readModels;

    SoftwareTabController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/partners/{partnerId}/software")
    SoftwareTab software(@PathVariable String partnerId,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                     @RequestParam(required = false) @Min(1) Long awaitPosition) {
        return readModels.askAfter(SoftwareTabProjection.NAME, awaitPosition, new FindSoftwareBenefits(new PartnerId(partnerId).value(), page, size), SoftwareTab.class);
    }
}
