package io.benefitledger.benefit;

/** The engagement phase an advisory or presales hours request is for. */
public enum Phase { PRESALES, DESIGN, DEPLOYMENT, APP_DEVELOPMENT }
