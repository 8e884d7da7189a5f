package no.kraft.cis.consent.order;

/**
 * Where an order stands: being processed, waiting for the customer's consent, done, stopped with a reason (staff may
 * restart the consent or cancel), or cancelled.
 */
public enum OrderStatus {
    IN_PROGRESS, WAITING, COMPLETED, STOPPED, CANCELLED;

    public boolean open() {
        return this == IN_PROGRESS || this == WAITING || this == STOPPED;
    }
}
