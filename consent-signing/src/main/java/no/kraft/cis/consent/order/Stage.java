package no.kraft.cis.consent.order;

/** The stages of the order process: Validate and add → On hold (consent) → Import → Finalize. */
public enum Stage { VALIDATE_AND_ADD, ON_HOLD, IMPORT, FINALIZE }
