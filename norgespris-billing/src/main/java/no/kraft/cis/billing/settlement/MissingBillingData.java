package no.kraft.cis.billing.settlement;

/** Data a settlement or invoice needs is not there (meter values, spot prices, a price table): the customer is skipped. */
public class MissingBillingData extends RuntimeException {

    public MissingBillingData(String message) {
        super(message);
    }
}
