package no.kraft.cis.delivery.sms;

import java.util.Map;

/**
 * LINK Mobility's result codes, as they come in a send answer and in a delivery report, with what each means to us.
 * The list is reconstructed from public client libraries, not from LINK's own document (see the module README).
 */
final class ResultCodes {

    static final int QUEUED = 1005;

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(0, "Unknown error"), Map.entry(1, "Temporary routing error"), Map.entry(2, "Permanent routing error"),
            Map.entry(3, "Maximum throttling exceeded"), Map.entry(4, "Timeout"), Map.entry(5, "Operator unknown error"),
            Map.entry(6, "Operator error"), Map.entry(104, "Configuration error"), Map.entry(105, "Internal error"),
            Map.entry(1000, "Sent to operator"), Map.entry(1001, "Billed and delivered"), Map.entry(1002, "Expired"),
            Map.entry(1003, "Deleted"), Map.entry(1004, "Mobile full"), Map.entry(1005, "Queued"), Map.entry(1006, "Not delivered"),
            Map.entry(1007, "Delivered, billing delayed"), Map.entry(1008, "Billed OK"), Map.entry(1009, "Billed OK and not delivered"),
            Map.entry(1010, "Expired, no delivery report from the operator"), Map.entry(1011, "Billed OK and sent to operator"),
            Map.entry(1012, "Delayed"), Map.entry(1013, "Sent to operator, billing delayed"),
            Map.entry(2000, "Invalid source"), Map.entry(2001, "Source short number not supported"),
            Map.entry(2002, "Source alphanumeric not supported"), Map.entry(2003, "Source MSISDN not supported"),
            Map.entry(2100, "Destination short number not supported"), Map.entry(2101, "Destination alphanumeric not supported"),
            Map.entry(2102, "Destination MSISDN not supported"), Map.entry(2103, "Operation blocked"), Map.entry(2104, "Unknown subscriber"),
            Map.entry(2105, "Destination blocked"), Map.entry(2106, "Number error"), Map.entry(2107, "Destination temporarily blocked"),
            Map.entry(2200, "Charging error"), Map.entry(2201, "Subscriber has low balance"), Map.entry(2202, "Subscriber barred for overcharged messages"),
            Map.entry(2203, "Subscriber too young"), Map.entry(2204, "Prepaid subscriber not allowed"), Map.entry(2205, "Service rejected by subscriber"),
            Map.entry(2206, "Subscriber not registered in payment system"), Map.entry(2207, "Subscriber has reached max balance"),
            Map.entry(3000, "GSM encoding not supported"), Map.entry(3001, "UCS2 encoding not supported"),
            Map.entry(3002, "Binary encoding not supported"), Map.entry(4000, "Delivery report not supported"),
            Map.entry(4001, "Invalid message content"), Map.entry(4002, "Invalid tariff"), Map.entry(4003, "Invalid user data"),
            Map.entry(4004, "Invalid user data header"), Map.entry(4005, "Invalid data coding"), Map.entry(4006, "Invalid VAT"),
            Map.entry(4007, "Content not supported by destination"));

    private ResultCodes() {
    }

    static String describe(int code) {
        return DESCRIPTIONS.getOrDefault(code, "Result code " + code);
    }

    /** A send answer with this code: the gateway has the message and will try to deliver it. */
    static boolean accepted(int code) {
        return code == QUEUED || code == 1000 || code == 1008 || code == 1011 || code == 1012 || code == 1013;
    }

    /** A send answer with this code: worth sending again later (the gateway's own trouble, or throttling). */
    static boolean temporary(int code) {
        return code == 0 || code == 1 || code == 3 || code == 4 || code == 105;
    }

    /** Why a send was refused for good. */
    static SmsRefused.Reason reason(int code) {
        if (code >= 2000 && code < 2100) {
            return SmsRefused.Reason.BAD_SENDER;
        }
        if (code >= 2100 && code < 2300) {
            return SmsRefused.Reason.BAD_DESTINATION;
        }
        if (code >= 3000 && code < 5000) {
            return SmsRefused.Reason.BAD_TEXT;
        }
        if (code == 104) {
            return SmsRefused.Reason.CONFIGURATION;
        }
        return SmsRefused.Reason.REFUSED;
    }

    /** What a delivery report with this code says of the message. */
    static DeliveryReport.Status status(int code) {
        if (code == 1001 || code == 1007) {
            return DeliveryReport.Status.DELIVERED;
        }
        if (accepted(code)) {
            return DeliveryReport.Status.PENDING;
        }
        if (code == 1010 || !DESCRIPTIONS.containsKey(code)) {
            return DeliveryReport.Status.UNKNOWN;
        }
        return DeliveryReport.Status.FAILED;
    }
}
