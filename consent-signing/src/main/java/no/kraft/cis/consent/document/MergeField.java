package no.kraft.cis.consent.document;

import java.util.Arrays;
import java.util.Optional;

/** A merge field (flettefelt) the order-confirmation template may name as {@code {{key}}}. */
public enum MergeField {
    COMPANY_NAME("companyName"),
    METERING_POINT_ID("meteringPointId"),
    METERING_POINT_ADDRESS("meteringPointAddress"),
    START_DATE("startDate"),
    PRODUCT_NAME("productName"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    CUSTOMER_ADDRESS("customerAddress"),
    CUSTOMER_NUMBER("customerNumber"),
    NATIONAL_ID("nationalId");

    private final String key;

    MergeField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<MergeField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
