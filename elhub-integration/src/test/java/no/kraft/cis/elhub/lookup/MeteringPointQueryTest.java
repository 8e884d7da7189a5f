package no.kraft.cis.elhub.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kraft.cis.elhub.exchange.PersonalDataMask;
import no.kraft.cis.rule.ValidationFailedException;
import org.junit.jupiter.api.Test;

class MeteringPointQueryTest {

    private static final String PERSON = "01018010018";

    @Test
    void theVariantFollowsFromTheFieldsGiven() {
        assertThat(q("707057500000000018", null, null, null, null, null).validate()).isEqualTo(MeteringPointQuery.Variant.VERIFY);
        assertThat(q(null, PERSON, "0155", "Storgata", null, null).validate()).isEqualTo(MeteringPointQuery.Variant.END_USER_AND_ADDRESS);
        assertThat(q(null, PERSON, "01*", null, "1*", null).validate()).isEqualTo(MeteringPointQuery.Variant.END_USER_AND_ADDRESS);
        assertThat(q("707057500000000018", PERSON, null, null, null, null).validate()).isEqualTo(MeteringPointQuery.Variant.END_USER_AND_METERING_POINT);
        assertThat(q(null, "923609016", null, null, null, "M-1").validate()).isEqualTo(MeteringPointQuery.Variant.END_USER_AND_METER);
        assertThat(q(null, null, "5019", null, null, "M-1").validate()).isEqualTo(MeteringPointQuery.Variant.POSTCODE_AND_METER);
    }

    @Test
    void wildcardsNeedEnoughCharactersBeforeThemAndOnlyAtTheEnd() {
        assertThat(rule(q(null, PERSON, "0155", "Store*", null, null))).isNull(); // 5 before '*': allowed
        assertThat(rule(q(null, PERSON, "0155", "Stor*", null, null))).isEqualTo("lookup.wildcard");
        assertThat(rule(q(null, PERSON, "1*", "Storgata", null, null))).isEqualTo("lookup.wildcard");
        assertThat(rule(q(null, PERSON, "0155", null, "*", null))).isEqualTo("lookup.wildcard");
        assertThat(rule(q(null, PERSON, "0155", "St*rgata", null, null))).isEqualTo("lookup.streetName");
        assertThat(rule(q(null, PERSON, null, null, null, "M-*"))).isEqualTo("lookup.meterNumber");
    }

    @Test
    void combinationsElhubDoesNotKnowAreRefused() {
        assertThat(rule(q(null, PERSON, "0155", null, null, null))).isEqualTo("lookup.combination");
        assertThat(rule(q("707057500000000018", null, null, null, null, "M-1"))).isEqualTo("lookup.combination");
        assertThat(rule(q(null, PERSON, "0155", null, null, "M-1"))).isEqualTo("lookup.combination");
        assertThat(rule(q(null, null, null, null, null, null))).isEqualTo("lookup.combination");
    }

    @Test
    void theLogMasksNationalIdsAndEmailsButKeepsMeteringPoints() {
        String text = "<Id schemeAgencyIdentifier=\"Z01\">" + PERSON + "</Id><Mp>707057500000000018</Mp> ola@example.no org 923609016";
        assertThat(PersonalDataMask.mask(text)).doesNotContain(PERSON).doesNotContain("ola@example.no")
                .contains("707057500000000018").contains("923609016");
        assertThat(PersonalDataMask.meteringPoints(text, "again 707057500000000018")).containsExactly("707057500000000018");
    }

    private static MeteringPointQuery q(String mp, String endUser, String postcode, String street, String building, String meter) {
        return new MeteringPointQuery(mp, endUser, postcode, street, building, meter);
    }

    private static String rule(MeteringPointQuery query) {
        try {
            query.validate();
            return null;
        } catch (ValidationFailedException e) {
            return e.violations().getFirst().rule();
        }
    }

    @Test
    void anInvalidNationalIdIsNamed() {
        assertThatThrownBy(() -> q(null, "01018010019", null, null, null, "M-1").validate())
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations().getFirst().field()).isEqualTo("endUserId"));
    }
}
