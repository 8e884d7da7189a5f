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

    static String of(List<DayResult> days) {
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
