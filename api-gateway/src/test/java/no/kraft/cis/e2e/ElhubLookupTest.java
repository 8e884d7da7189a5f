package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.kraft.cis.elhub.standin.EmifStandIn;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BRS-NO-611 through the API against the EMIF stand-in, which checks our WS-Security signature: every query variant, a
 * multi-candidate answer, the wildcard and combination rules checked before sending, Elhub's EH rejections and "nothing
 * found", and the integration log with the national ID masked. The stand-in's world: end user 01018010018 with Storgata
 * 1 and 1B in 0155 Oslo (meters M-1001, M-1002); organisation 923609016 with Fjellveien 12, 5019 Bergen (M-2001).
 */
class ElhubLookupTest extends ApiTest {

    private static final String PERSON = "01018010018";

    @Autowired
    EmifStandIn emif;

    @Test
    void verifyByMeteringPointIdAnswersAddressGridOwnerAndReadingFacts() {
        Api.Response r = lookup(Role.CUSTOMER_SERVICE, json("meteringPointId", "707057500000000018"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("/variant")).isEqualTo("VERIFY");
        assertThat(r.json("/candidates")).hasSize(1);
        assertThat(r.text("/candidates/0/gridOwnerGln")).isEqualTo("7080005051965");
        assertThat(r.text("/candidates/0/address/streetName")).isEqualTo("Storgata");
        assertThat(r.text("/candidates/0/address/city")).isEqualTo("OSLO");
        assertThat(r.text("/candidates/0/lastMeterReadingDate")).isEqualTo("2026-01-01");
        assertThat(r.text("/candidates/0/meterNumber")).isEqualTo("M-1001");
        assertThat(r.json("/candidates/0/blockedForSwitching").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "end user + street name with wildcard + postcode → both of her points | END_USER_AND_ADDRESS | {\"endUserId\":\"01018010018\",\"streetName\":\"Storg*\",\"postcode\":\"0155\"} | 2",
            "end user + building number + postcode | END_USER_AND_ADDRESS | {\"endUserId\":\"01018010018\",\"buildingNumber\":\"1B\",\"postcode\":\"01*\"} | 1",
            "end user + metering-point ID | END_USER_AND_METERING_POINT | {\"endUserId\":\"923609016\",\"meteringPointId\":\"707057500000000032\"} | 1",
            "end user + meter number | END_USER_AND_METER | {\"endUserId\":\"01018010018\",\"meterNumber\":\"M-1002\"} | 1",
            "postcode + meter number | POSTCODE_AND_METER | {\"postcode\":\"5019\",\"meterNumber\":\"M-2001\"} | 1"})
    void everyVariantFindsItsCandidates(String name, String variant, String body, int candidates) {
        Api.Response r = api.postRaw(Role.PARTNER, "/api/v1/elhub/metering-point-lookups", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("/variant")).isEqualTo(variant);
        assertThat(r.json("/candidates")).hasSize(candidates);
    }

    @ParameterizedTest(name = "{0} → 400 {2} on {1}, nothing sent")
    @CsvSource(delimiter = '|', value = {
            "street name wildcard after 4 characters | streetName | lookup.wildcard | {\"endUserId\":\"01018010018\",\"streetName\":\"Stor*\",\"postcode\":\"0155\"}",
            "postcode wildcard after 1 character | postcode | lookup.wildcard | {\"postcode\":\"0*\",\"meterNumber\":\"M-2001\"}",
            "wildcard in the middle | streetName | lookup.streetName | {\"endUserId\":\"01018010018\",\"streetName\":\"Sto*gata\",\"postcode\":\"0155\"}",
            "metering point with a meter number | meteringPointId | lookup.combination | {\"meteringPointId\":\"707057500000000018\",\"meterNumber\":\"M-1001\"}",
            "end user with only a postcode | endUserId | lookup.combination | {\"endUserId\":\"01018010018\",\"postcode\":\"0155\"}",
            "national ID with a wrong check digit | endUserId | nationalId.checkDigit2 | {\"endUserId\":\"01018010019\",\"meterNumber\":\"M-1001\"}",
            "metering point with a wrong check digit | meteringPointId | meteringPointId.checkDigit | {\"meteringPointId\":\"707057500000000019\"}"})
    void queriesElhubWouldRefuseAreRefusedBeforeSending(String name, String field, String rule, String body) {
        int before = emif.queries();
        Api.Response r = api.postRaw(Role.CUSTOMER_SERVICE, "/api/v1/elhub/metering-point-lookups", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("/violations/0/field")).isEqualTo(field);
        assertThat(r.text("/violations/0/rule")).isEqualTo(rule);
        assertThat(emif.queries()).isEqualTo(before);
    }

    @Test
    void elhubRejectionsAndNothingFoundAreClearErrors() {
        emif.rejectNext("EH013");
        Api.Response rejected = lookup(Role.CUSTOMER_SERVICE, json("meteringPointId", "707057500000000018"));
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(422);
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("elhub.EH013");
        assertThat(rejected.text("/detail")).contains("our role must be DDQ");

        Api.Response none = lookup(Role.CUSTOMER_SERVICE, json("meteringPointId", "707057500000000049"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.text("/violations/0/rule")).isEqualTo("elhub.E10");
    }

    @Test
    void theExchangeIsLoggedWithTheNationalIdMasked() {
        lookup(Role.CUSTOMER_SERVICE, json("endUserId", PERSON, "meterNumber", "M-1001"));
        Api.Response log = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/exchanges?meteringPointId=707057500000000018");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.text("/0/channel")).isEqualTo("EMIF");
        assertThat(log.text("/0/request")).contains("***********").contains("wsse:Security");
        assertThat(log.raw()).doesNotContain(PERSON);
    }

    private Api.Response lookup(Role role, Map<String, Object> body) {
        return api.post(role, "/api/v1/elhub/metering-point-lookups", body);
    }
}
