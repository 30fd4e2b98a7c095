package io.benefitledger.offer;

/** Where an offer stands. Expiry is not a recorded status: an active offer reads as expired after its date. */
public enum OfferStatus { GRANTED, PENDING, ACTIVE, WITHDRAWN }
