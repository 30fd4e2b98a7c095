package io.benefitledger.pkg;

import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The first keys of a product whose validity the offering counts from activation were revealed: the product is
 * usable until {@code expiresAt}, when its expiry is recorded ({@link ProductExpired}).
 */
@Revision("1")
public record ProductActivated(PackageId packageId, PartnerId partnerId, ProductId productId, Instant expiresAt,
                               Instant at) {
}
