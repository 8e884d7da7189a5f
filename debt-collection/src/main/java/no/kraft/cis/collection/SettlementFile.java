package no.kraft.cis.collection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.kraft.cis.rule.FieldValidation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agency's settlement file (oppgjørsfil), JSON, UTF-8 — our format, agreed with the agency:
 * <pre>{@code
 * {"fileId": "KRED-2026-04-01-001", "agency": "Kredinor", "createdOn": "2026-04-01",
 *  "lines": [
 *    {"invoiceNumber": 100042, "agencyReference": "AG-000001", "principalPaid": 1180.00, "paidOn": "2026-03-30", "status": "CLOSED"},
 *    {"invoiceNumber": 100043, "agencyReference": "AG-000002", "principalPaid": 200.00, "paidOn": "2026-03-31", "status": "WRITTEN_OFF"}]}
 * }</pre>
 * One line per claim and payout: {@code principalPaid} is what the agency pays out to us on the claim's principal
 * (≥ 0, whole øre) — its own fees and interest it keeps from the debtor, so they are not in the file; {@code status}
 * {@code OPEN} (still being collected), {@code CLOSED} (collected in full, the case closed) or {@code WRITTEN_OFF}
 * (the case closed as not collectable: what is left on the invoice after this line's payment is written off). Every
 * field is required, no other fields are allowed; an invoice appears at most once in a file.
 */
record SettlementFile(String fileId, String agency, LocalDate createdOn, List<Line> lines) {

    enum Status { OPEN, CLOSED, WRITTEN_OFF }

    /** @param number the line's position in the file, from 1 */
    record Line(int number, long invoiceNumber, String agencyReference, BigDecimal principalPaid, LocalDate paidOn, Status status) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FILE_FIELDS = Set.of("fileId", "agency", "createdOn", "lines");
    private static final Set<String> LINE_FIELDS = Set.of("invoiceNumber", "agencyReference", "principalPaid", "paidOn", "status");

    /**
     * Reads and checks the form of the file; every broken rule at once, each naming its field ({@code lines[2].paidOn}).
     *
     * @throws no.kraft.cis.rule.ValidationFailedException when anything is wrong
     */
    static SettlementFile read(byte[] content) {
        FieldValidation check = new FieldValidation();
        JsonNode root;
        try {
            root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            check.reject(null, "json.malformed", "the settlement file is not JSON: " + e.getOriginalMessage());
            check.throwIfInvalid();
            return null;
        }
        if (root == null || !root.isObject()) {
            check.reject(null, "settlement.format", "the settlement file is a JSON object with fileId, agency, createdOn and lines");
            check.throwIfInvalid();
        }
        for (String name : root.propertyNames()) {
            if (!FILE_FIELDS.contains(name)) {
                check.reject(name, "field.unknown", "the settlement file has no field '" + name + "'");
            }
        }
        String fileId = text(check, root, "fileId", "fileId", 100);
        String agency = text(check, root, "agency", "agency", 200);
        LocalDate createdOn = date(check, root, "createdOn", "createdOn");
        List<Line> lines = new ArrayList<>();
        JsonNode array = root.path("lines");
        if (!array.isArray() || array.isEmpty()) {
            check.reject("lines", "settlement.noLines", "the settlement file needs at least one line");
        } else {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode line = array.get(i);
                String at = "lines[" + i + "]";
                if (!line.isObject()) {
                    check.reject(at, "settlement.format", "line " + (i + 1) + " is not an object");
                    continue;
                }
                for (String name : line.propertyNames()) {
                    if (!LINE_FIELDS.contains(name)) {
                        check.reject(at + "." + name, "field.unknown", "line " + (i + 1) + " has no field '" + name + "'");
                    }
                }
                Long invoice = null;
                JsonNode n = line.path("invoiceNumber");
                if (n.isMissingNode() || n.isNull()) {
                    check.reject(at + ".invoiceNumber", "required", "line " + (i + 1) + ": invoiceNumber must be present");
                } else if (!n.isIntegralNumber() || n.asLong() <= 0) {
                    check.reject(at + ".invoiceNumber", "invoiceNumber.format", "line " + (i + 1) + ": invoiceNumber is a positive whole number");
                } else {
                    invoice = n.asLong();
                    if (!seen.add(invoice)) {
                        check.reject(at + ".invoiceNumber", "settlement.duplicateLine",
                                "line " + (i + 1) + ": invoice " + invoice + " appears more than once in the file");
                    }
                }
                String reference = text(check, line, "agencyReference", at + ".agencyReference", 100);
                BigDecimal paid = null;
                JsonNode p = line.path("principalPaid");
                if (p.isMissingNode() || p.isNull()) {
                    check.reject(at + ".principalPaid", "required", "line " + (i + 1) + ": principalPaid must be present");
                } else if (!p.isNumber()) {
                    check.reject(at + ".principalPaid", "amount.format", "line " + (i + 1) + ": principalPaid is a number like 1180.00");
                } else {
                    paid = p.decimalValue();
                    if (paid.signum() < 0) {
                        check.reject(at + ".principalPaid", "amount.negative", "line " + (i + 1) + ": principalPaid may not be negative");
                        paid = null;
                    } else if (paid.stripTrailingZeros().scale() > 2) {
                        check.reject(at + ".principalPaid", "amount.ore", "line " + (i + 1) + ": principalPaid is whole øre (two decimals)");
                        paid = null;
                    } else {
                        paid = paid.setScale(2);
                    }
                }
                LocalDate paidOn = date(check, line, "paidOn", at + ".paidOn");
                Status status = null;
                JsonNode s = line.path("status");
                if (!s.isString()) {
                    check.reject(at + ".status", s.isMissingNode() || s.isNull() ? "required" : "status.unknown",
                            "line " + (i + 1) + ": status is one of OPEN, CLOSED, WRITTEN_OFF");
                } else {
                    try {
                        status = Status.valueOf(s.asString());
                    } catch (IllegalArgumentException e) {
                        check.reject(at + ".status", "status.unknown", "line " + (i + 1) + ": status is one of OPEN, CLOSED, WRITTEN_OFF, not '"
                                + s.asString() + "'");
                    }
                }
                if (paid != null && paid.signum() == 0 && status == Status.OPEN) {
                    check.reject(at + ".principalPaid", "settlement.emptyLine", "line " + (i + 1) + ": an OPEN line pays something");
                }
                if (invoice != null && reference != null && paid != null && paidOn != null && status != null) {
                    lines.add(new Line(i + 1, invoice, reference, paid, paidOn, status));
                }
            }
        }
        check.throwIfInvalid();
        return new SettlementFile(fileId, agency, createdOn, List.copyOf(lines));
    }

    private static String text(FieldValidation check, JsonNode node, String name, String field, int max) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull() || (v.isString() && v.asString().isBlank())) {
            check.reject(field, "required", field + " must be present");
            return null;
        }
        if (!v.isString()) {
            check.reject(field, "format", field + " has the wrong type: text expected");
            return null;
        }
        String s = v.asString().strip();
        if (s.length() > max) {
            check.reject(field, "text.tooLong", field + " is at most " + max + " characters");
            return null;
        }
        if (s.chars().anyMatch(c -> Character.isISOControl(c))) {
            check.reject(field, "text.controlCharacter", field + " may not hold control characters");
            return null;
        }
        return s;
    }

    private static LocalDate date(FieldValidation check, JsonNode node, String name, String field) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            check.reject(field, "required", field + " must be present");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v.asString(""));
            if (d.getYear() < 1900 || d.getYear() > 2100) {
                check.reject(field, "date.range", field + " lies from 1900 to 2100");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            check.reject(field, "date.format", field + " is a date like 2026-04-01");
            return null;
        }
    }
}
