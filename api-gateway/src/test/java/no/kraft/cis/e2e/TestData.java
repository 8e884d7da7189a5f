package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.meteringpoint.Gln;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Request bodies and fresh identifiers for API tests. Every call gives numbers no other test has used, so tests share
 * one database without stepping on each other.
 */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private TestData() {
    }

    /** A number no other call in this JVM gets (for codes and IDs that must be unique). */
    public static int unique() {
        return SEQUENCE.incrementAndGet();
    }

    /** A fresh, valid fødselsnummer (born in 1980–1999, so always an adult). */
    public static String nationalId() {
        while (true) {
            int n = SEQUENCE.incrementAndGet();
            String candidate = String.format("%02d%02d%02d%03d", 1 + n % 28, 1 + (n / 28) % 12, 80 + (n / 336) % 20, n % 500);
            for (int k = 0; k < 100; k++) {
                String full = candidate + String.format("%02d", k);
                if (isValid(() -> new NationalId(full))) {
                    return full;
                }
            }
        }
    }

    public static String organisationNumber() {
        while (true) {
            String body = String.format("9%07d", SEQUENCE.incrementAndGet() * 7 % 10_000_000);
            for (int d = 0; d <= 9; d++) {
                String full = body + d;
                if (isValid(() -> new OrganisationNumber(full))) {
                    return full;
                }
            }
        }
    }

    public static String meteringPointId() {
        String body = MeteringPointId.NORWEGIAN_PREFIX + String.format("%08d", 50_000_000 + SEQUENCE.incrementAndGet());
        for (int d = 0; d <= 9; d++) {
            String full = body + d;
            if (isValid(() -> new MeteringPointId(full))) {
                return full;
            }
        }
        throw new IllegalStateException();
    }

    public static String gln() {
        String body = String.format("708%09d", 700_000_000 + SEQUENCE.incrementAndGet());
        for (int d = 0; d <= 9; d++) {
            String full = body + d;
            if (isValid(() -> new Gln(full))) {
                return full;
            }
        }
        throw new IllegalStateException();
    }

    public static Map<String, Object> person(String nationalId, String firstName, String lastName) {
        return json("kind", "PRIVATE", "nationalId", nationalId, "firstName", firstName, "lastName", lastName,
                "email", firstName.toLowerCase() + "@example.no", "mobile", "9" + String.format("%07d", SEQUENCE.incrementAndGet()),
                "address", json("street", "Storgata 1", "postcode", "0155", "city", "Oslo"));
    }

    public static Map<String, Object> organisation(String number, String name) {
        return json("kind", "ORGANISATION", "organisationNumber", number, "organisationName", name,
                "email", "post@example.no", "address", json("street", "Storgata 90", "postcode", "9008", "city", "Tromsø"));
    }

    public static Map<String, Object> meteringPoint(String id, String priceArea, String gridOwnerGln, String endUserGroup,
            String municipality) {
        return json("meteringPointId", id, "validFrom", "2026-01-01", "priceArea", priceArea, "gridOwnerGln", gridOwnerGln,
                "address", json("street", "Fjellveien 3", "postcode", "5710", "city", "Voss", "municipalityNumber", municipality),
                "endUserGroup", endUserGroup, "resolution", "PT15M");
    }

    public static Map<String, Object> delivery(String meteringPointId, String product, String from, String to) {
        return json("meteringPointId", meteringPointId, "productCode", product, "validFrom", from, "validTo", to);
    }

    public static Map<String, Object> contract(long customerNumber, String startDate, List<Map<String, Object>> deliveries) {
        return json("customerNumber", String.valueOf(customerNumber), "startDate", startDate, "deliveries", deliveries);
    }

    private static boolean isValid(Runnable construct) {
        try {
            construct.run();
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
