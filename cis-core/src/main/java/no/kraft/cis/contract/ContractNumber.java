package no.kraft.cis.contract;

import no.kraft.cis.rule.InvalidValueException;

/** A contract's number (kontraktsnummer); generated, unique. */
public record ContractNumber(long value) {

    public ContractNumber {
        if (value <= 0) {
            throw new InvalidValueException("contractNumber.format", "must be a positive number");
        }
    }

    public static ContractNumber parse(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,18}")) {
            throw new InvalidValueException("contractNumber.format", "must be a number");
        }
        return new ContractNumber(Long.parseLong(raw.strip()));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
