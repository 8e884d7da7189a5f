package no.kraft.cis.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.ledger.LedgerItem;
import no.kraft.cis.receivables.SentNotice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim as the agency's API takes it, made once at hand-over (so every attempt sends the same bytes):
 * <pre>{@code
 * {"creditorReference":"100042","kid":"10000010001000429","currency":"NOK",
 *  "originalAmount":1180.00,"principal":1180.00,"issueDate":"2026-02-01","dueDate":"2026-02-20",
 *  "fees":35.00,"interest":{"amount":9.73,"calculatedThrough":"2026-03-15"},
 *  "debtor":{"type":"PERSON","name":"Kari Nordmann","nationalId":"15038512363",
 *            "address":{"street":"Storgata 1","postcode":"0155","city":"Oslo","countryCode":"NO"},
 *            "email":"kari@example.no","mobile":"+4791234567"},
 *  "notices":[{"kind":"PURRING","sentOn":"2026-03-06","deadline":"2026-03-20","fee":35.00}],
 *  "handedOverOn":"2026-03-15"}
 * }</pre>
 * {@code principal} is what is open on the invoice; {@code fees} the notices' fees; {@code interest} the
 * forsinkelsesrente from the day after the due date through the hand-over (absent when no rate is entered for a day).
 * An organisation has {@code "type":"ORGANISATION"} and {@code organisationNumber} instead of the national ID.
 */
final class ClaimPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClaimPayload() {
    }

    static String json(Customer customer, LedgerItem item, List<SentNotice> notices, BigDecimal interest, LocalDate handedOverOn) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("creditorReference", Long.toString(item.invoiceNumber()));
        claim.put("kid", item.kid());
        claim.put("currency", "NOK");
        claim.put("originalAmount", item.total().setScale(2));
        claim.put("principal", item.open().setScale(2));
        claim.put("issueDate", item.issueDate().toString());
        claim.put("dueDate", item.dueDate().toString());
        BigDecimal fees = notices.stream().map(SentNotice::fee).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        claim.put("fees", fees.setScale(2));
        if (interest != null) {
            claim.put("interest", Map.of("amount", interest.setScale(2), "calculatedThrough", handedOverOn.toString()));
        }
        claim.put("debtor", debtor(customer));
        List<Map<String, Object>> sent = new ArrayList<>();
        for (SentNotice n : notices) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("kind", n.kind().name());
            notice.put("sentOn", n.sentOn().toString());
            if (n.deadline() != null) {
                notice.put("deadline", n.deadline().toString());
            }
            notice.put("fee", n.fee().setScale(2));
            sent.add(notice);
        }
        claim.put("notices", sent);
        claim.put("handedOverOn", handedOverOn.toString());
        return JSON.writeValueAsString(claim);
    }

    private static Map<String, Object> debtor(Customer customer) {
        Map<String, Object> debtor = new LinkedHashMap<>();
        switch (customer.identity()) {
            case CustomerIdentity.Person p -> {
                debtor.put("type", "PERSON");
                debtor.put("name", p.firstName() + " " + p.lastName());
                if (p.nationalId() != null) {
                    debtor.put("nationalId", p.nationalId().value());
                }
            }
            case CustomerIdentity.Organisation o -> {
                debtor.put("type", "ORGANISATION");
                debtor.put("name", o.name());
                if (o.organisationNumber() != null) {
                    debtor.put("organisationNumber", o.organisationNumber().value());
                }
            }
        }
        customer.address().ifPresent(a -> {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("street", a.street());
            address.put("postcode", a.postcode());
            address.put("city", a.city());
            address.put("countryCode", a.countryCode() == null ? "NO" : a.countryCode());
            debtor.put("address", address);
        });
        if (customer.contact().email() != null) {
            debtor.put("email", customer.contact().email().value());
        }
        if (customer.contact().mobile() != null) {
            debtor.put("mobile", customer.contact().mobile().value());
        }
        return debtor;
    }
}
