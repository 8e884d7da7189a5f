package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.PropertyCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The per-day detail of a settlement as stored in {@code settlement.days} (amounts as strings: exact decimals). */
final class SettlementJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SettlementJson() {
    }

    /**
     * Written by hand, byte for byte what Jackson writes for the same tree (compact, in this key order) — the settlement
     * of every metering point is rendered on every run to compare fingerprints, and a tree per day cost more than the
     * settlement itself. {@code SettlementJsonTest} holds the two to the same bytes.
     */
    static String of(List<DayResult> days) {
        StringBuilder json = new StringBuilder(days.size() * 150).append('[');
        for (int i = 0; i < days.size(); i++) {
            DayResult d = days.get(i);
            json.append(i == 0 ? "{" : ",{")
                    .append("\"day\":\"").append(d.day()).append('"')
                    .append(",\"class\":").append(d.compensation().code())
                    .append(",\"actualWh\":").append(d.actualWh())
                    .append(",\"coveredWh\":").append(d.coveredWh())
                    .append(",\"amount\":\"").append(d.amount().toPlainString()).append('"')
                    .append(",\"net\":\"").append(d.amountExVat().toPlainString()).append('"')
                    .append(",\"monthToDateWh\":").append(d.monthToDateWh())
                    .append(",\"settledPer\":\"").append(d.settledPer()).append("\"}");
        }
        return json.append(']').toString();
    }

    /** The same text through Jackson's tree — what {@link #of} must equal. */
    static String viaTree(List<DayResult> days) {
        ArrayNode array = JSON.createArrayNode();
        for (DayResult d : days) {
            ObjectNode node = array.addObject();
            node.put("day", d.day().toString());
            node.put("class", d.compensation().code());
            node.put("actualWh", d.actualWh());
            node.put("coveredWh", d.coveredWh());
            node.put("amount", d.amount().toPlainString());
            node.put("net", d.amountExVat().toPlainString());
            node.put("monthToDateWh", d.monthToDateWh());
            node.put("settledPer", d.settledPer());
        }
        return JSON.writeValueAsString(array);
    }

    /** Identifies a settlement's content: the day detail and the assumed-zero days. */
    static String fingerprint(String daysJson, int assumedZeroDays) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((daysJson + "|" + assumedZeroDays).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DayResult> days(String json) {
        List<DayResult> days = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            days.add(new DayResult(LocalDate.parse(n.get("day").asString()),
                    CompensationClass.ofCode(n.get("class").asInt(), PropertyCode.SETTLED_COMPENSATION), n.get("actualWh").asLong(),
                    n.get("coveredWh").asLong(), new BigDecimal(n.get("amount").asString()), new BigDecimal(n.get("net").asString()),
                    n.get("monthToDateWh").asLong(), n.has("settledPer") && n.get("settledPer").asString().equals("PT60M")));
        }
        return days;
    }
}
