package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An admin defines a product with its prices (POST /api/v1/products): it is listed, sold on a contract and billed with
 * exactly those prices; every bad input is a problem naming field and rule and changes nothing; only an admin may.
 */
class ProductsTest extends ApiTest {

    private static final YearMonth APRIL_2025 = YearMonth.of(2025, 4);   // a month no other test bills

    @Test
    void aProductDefinedWithItsPricesIsListedSoldAndBilledWithThem() {
        String code = "E2E-VAR-" + TestData.unique();
        Api.Response defined = api.post(Role.ADMIN, "/api/v1/products", json("code", code, "name", "Variabel e2e", "kind", "VARIABLE",
                "validFrom", "2025-01-01", "energyPrice", json("amount", "1.10"), "markup", "0.05", "monthlyFee", "39.00"));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(201);
        assertThat(defined.headers().firstValue("Location")).contains("/api/v1/products/" + code);
        assertThat(defined.json("/tariffElements").valueStream().map(JsonNode::asString))
                .containsExactly(code + "-ENERGI", code + "-PASLAG", code + "-FAST");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/products").json("").valueStream()
                .filter(p -> p.at("/code").asString().equals(code)).map(p -> p.at("/name").asString() + " " + p.at("/kind").asString()))
                .containsExactly("Variabel e2e VARIABLE");
        // the elements a delivery on it is billed with in April 2025, each with its one price from 1 January
        Api.Response elements = api.get(Role.BILLING, "/api/v1/tariff-elements?product=" + code + "&from=2025-04-01&to=2025-05-01");
        assertThat(elements.json("").valueStream().filter(e -> e.at("/productCode").asString().equals(code))
                .map(e -> e.at("/kind").asString() + " " + e.at("/groupCode").asString() + " " + e.at("/invoiceText").asString() + " "
                        + e.at("/validFrom").asString() + " " + e.at("/prices/0/amount").decimalValue().stripTrailingZeros().toPlainString()))
                .containsExactlyInAnyOrder("ENERGY_PRICE KRAFT Strøm, variabel pris 2025-01-01 1.1", "MARKUP KRAFT Påslag 2025-01-01 0.05",
                        "FIXED_MONTHLY KRAFT Fastbeløp 2025-01-01 39");

        // a business (end-user group 42, no compensation) in Voss supplied all April 2025 on it: 0.250 kWh a quarter
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Produktnett AS"));
        String point = TestData.meteringPointId();
        Map<String, Object> shop = TestData.meteringPoint(point, "NO5", gridOwner, "42", "4621");
        shop.put("validFrom", "2025-01-01");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", shop).status()).isEqualTo(201);
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Vera", "Variabel"))
                .json("/customerNumber").asLong();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(customer, "2025-04-01", List.of(TestData.delivery(point, code, "2025-04-01", "2025-05-01"))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        steps.meterValues(APRIL_2025, Map.of(point, 250));
        Api.Response run = steps.bill(APRIL_2025, customer);
        assertThat(run.text("/status")).as(run.raw()).isEqualTo("COMPLETED");
        assertThat(run.json("/invoices").asInt()).as(run.raw()).isEqualTo(1);

        // 30 days × 96 quarter-hours × 0.250 kWh = 720 kWh: energy 720 × 1.10 = 792.00 (VAT 198.00), markup 720 × 0.05 = 36.00
        // (VAT 9.00), monthly fee 39.00 × 30/30 (VAT 9.75): net 867.00, VAT 216.75, total 1 083.75
        List<JsonNode> invoices = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/invoices").json("").valueStream().toList();
        assertThat(invoices).hasSize(1);
        JsonNode april = invoices.getFirst();
        assertThat(april.at("/lines").valueStream().map(l -> l.at("/elementCode").asString().replace(code, "") + " "
                + l.at("/quantity").decimalValue().setScale(3).toPlainString() + " " + l.at("/netAmount").decimalValue().setScale(2).toPlainString()
                + " " + l.at("/vatAmount").decimalValue().setScale(2).toPlainString()))
                .containsExactlyInAnyOrder("-ENERGI 720.000 792.00 198.00", "-PASLAG 720.000 36.00 9.00", "-FAST 30.000 39.00 9.75");
        assertThat(april.at("/netAmount").decimalValue()).isEqualByComparingTo("867.00");
        assertThat(april.at("/vatAmount").decimalValue()).isEqualByComparingTo("216.75");
        assertThat(april.at("/totalAmount").decimalValue()).isEqualByComparingTo("1083.75");
    }

    @Test
    void aSpotProductFollowsAPriceTableAndNeedsNoMarkupOrFee() {
        int calculation = 7000 + TestData.unique() % 1000;
        assertThat(api.post(Role.BILLING, "/api/v1/price-calculations", json("number", calculation, "name", "Spot", "formula", ":a"))
                .status()).isEqualTo(201);
        String code = "E2E-SPOT-" + TestData.unique();
        Api.Response defined = api.post(Role.ADMIN, "/api/v1/products", json("code", code, "name", "  Spot e2e  ", "kind", "spot",
                "validFrom", "2026-01-01", "energyPrice", json("priceCalculation", calculation)));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(201);
        assertThat(defined.text("/name")).isEqualTo("Spot e2e");
        assertThat(defined.text("/kind")).isEqualTo("SPOT");
        assertThat(defined.json("/tariffElements").valueStream().map(JsonNode::asString)).containsExactly(code + "-ENERGI");
        Api.Response energy = api.get(Role.BILLING, "/api/v1/tariff-elements/" + code + "-ENERGI");
        assertThat(energy.text("/invoiceText")).isEqualTo("Strøm, spotpris");
        assertThat(energy.json("/prices/0/priceCalculation").asInt()).isEqualTo(calculation);
    }

    @Test
    void badInputIsAProblemNamingFieldAndRuleAndChangesNothing() {
        String taken = "E2E-TATT-" + TestData.unique();
        assertThat(api.post(Role.ADMIN, "/api/v1/products", product(taken, "Tatt", "FIXED", json("amount", "0.89"))).status()).isEqualTo(201);
        // an element already has the code the new product's energy element would get
        String clash = "E2E-KRASJ-" + TestData.unique();
        steps.tariffElement(json("code", clash + "-ENERGI", "groupCode", "KRAFT", "productCode", "FAST12", "kind", "ENERGY_PRICE",
                "invoiceText", "Krasj", "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("amount", "1.00")));
        String fresh = "E2E-NY-" + TestData.unique();
        record Bad(Map<String, Object> body, int status, String field, String rule) {
        }
        Map<String, Object> tooManyDecimals = product(fresh, "Ny", "VARIABLE", json("amount", "1.10"));
        tooManyDecimals.put("markup", new BigDecimal("0.0000001"));
        List<Bad> cases = List.of(
                new Bad(product(taken, "Igjen", "FIXED", json("amount", "0.89")), 409, "code", "product.exists"),
                new Bad(product(clash, "Krasj", "FIXED", json("amount", "0.89")), 409, "code", "tariffElement.exists"),
                new Bad(product(fresh, "", "FIXED", json("amount", "0.89")), 400, "name", "required"),
                new Bad(product(fresh, "x".repeat(201), "FIXED", json("amount", "0.89")), 400, "name", "product.name"),
                new Bad(product(fresh, "Ny", "HOURLY", json("amount", "0.89")), 400, "kind", "enum.unknown"),
                new Bad(product("e2e-small", "Ny", "FIXED", json("amount", "0.89")), 400, "code", "product.code"),
                new Bad(product("E2E-" + "X".repeat(29), "Ny", "FIXED", json("amount", "0.89")), 400, "code", "product.code"),
                new Bad(product(fresh, "Ny", "SPOT", json("amount", "0.89")), 400, "energyPrice.priceCalculation", "product.spotFollowsPriceTable"),
                new Bad(product(fresh, "Ny", "FIXED", json("priceCalculation", 1)), 400, "energyPrice.amount", "product.fixedIsAmount"),
                new Bad(product(fresh, "Ny", "VARIABLE", json("priceCalculation", 999_999)), 400, "energyPrice.priceCalculation",
                        "priceCalculation.unknown"),
                new Bad(product(fresh, "Ny", "VARIABLE", json("amount", "1.10", "priceCalculation", 1)), 400, "energyPrice.amount",
                        "price.oneSource"),
                new Bad(product(fresh, "Ny", "VARIABLE", null), 400, "energyPrice", "required"),
                new Bad(json("code", fresh, "name", "Ny", "kind", "FIXED", "energyPrice", json("amount", "0.89")), 400, "validFrom", "required"),
                new Bad(tooManyDecimals, 400, "markup", "amount.scale"));
        DatabaseSnapshot before = snapshot();
        for (Bad bad : cases) {
            Api.Response r = api.post(Role.ADMIN, "/api/v1/products", bad.body());
            assertThat(r.status()).as(bad + " → " + r.raw()).isEqualTo(bad.status());
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("/violations/0/field")).as(r.raw()).isEqualTo(bad.field());
            assertThat(r.text("/violations/0/rule")).as(r.raw()).isEqualTo(bad.rule());
        }
        // everything missing at once: each field named in one answer
        Api.Response empty = api.post(Role.ADMIN, "/api/v1/products", json());
        assertThat(empty.json("/violations").valueStream().map(v -> v.at("/field").asString()))
                .containsExactlyInAnyOrder("code", "name", "kind", "validFrom", "energyPrice");
        Api.Response malformed = api.postText(Role.ADMIN, "/api/v1/products", "application/json", "{\"code\": ");
        assertThat(malformed.status()).isEqualTo(400);
        Api.Response badDate = api.postText(Role.ADMIN, "/api/v1/products", "application/json",
                "{\"code\":\"" + fresh + "\",\"name\":\"Ny\",\"kind\":\"FIXED\",\"validFrom\":\"2026-13-01\",\"energyPrice\":{\"amount\":0.89}}");
        assertThat(badDate.status()).as(badDate.raw()).isEqualTo(400);
        // only an admin defines products
        assertThat(api.post(Role.BILLING, "/api/v1/products", product(fresh, "Ny", "FIXED", json("amount", "0.89"))).status()).isEqualTo(403);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/products", product(fresh, "Ny", "FIXED", json("amount", "0.89"))).status())
                .isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static Map<String, Object> product(String code, String name, String kind, Map<String, Object> energyPrice) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(json("code", code, "name", name, "kind", kind, "validFrom", "2026-01-01"));
        if (energyPrice != null) {
            body.put("energyPrice", energyPrice);
        }
        return body;
    }
}
