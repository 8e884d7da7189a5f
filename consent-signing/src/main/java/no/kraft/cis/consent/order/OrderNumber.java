package no.kraft.cis.consent.order;

import no.kraft.cis.rule.InvalidValueException;

/** An order's number (ordrenummer), from 500001 up. */
public record OrderNumber(long value) {

    public OrderNumber {
        if (value <= 0) {
            throw new InvalidValueException("orderNumber.format", "an order number is a positive whole number");
        }
    }

    public static OrderNumber parse(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,15}")) {
            throw new InvalidValueException("orderNumber.format", "an order number is a positive whole number");
        }
        return new OrderNumber(Long.parseLong(raw.strip()));
    }

    /** The order's chain in the consent audit trail. */
    public String auditChain() {
        return "order-" + value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
