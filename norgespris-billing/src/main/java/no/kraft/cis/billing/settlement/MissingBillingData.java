package no.kraft.cis.billing.settlement;

import java.time.LocalDate;

/** Data a settlement or invoice needs is not there (meter values, spot prices, a price table): the customer is skipped. */
public class MissingBillingData extends RuntimeException {

    public MissingBillingData(String message) {
        super(message);
    }

    /** No row of payment terms covers the issue day, so the invoice would have no due date. */
    public static MissingBillingData noPaymentTerms(LocalDate issued) {
        return new MissingBillingData("no payment terms (invoice_payment_terms) cover the issue date " + issued
                + ": add the row before billing");
    }
}
