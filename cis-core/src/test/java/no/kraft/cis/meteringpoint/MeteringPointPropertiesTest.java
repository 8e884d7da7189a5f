package no.kraft.cis.meteringpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeteringPointPropertiesTest {

    private static final LocalDate OCT_1 = LocalDate.of(2025, 10, 1);
    private static final LocalDate OCT_15 = LocalDate.of(2025, 10, 15);
    private static final LocalDate NOV_1 = LocalDate.of(2025, 11, 1);

    static MeteringPoint household() {
        return MeteringPoint.register(new MeteringPointId("707057500012345671"), LocalDate.of(2025, 1, 1),
                Characteristics.of(PriceArea.NO1, new Gln("7080000000012"),
                        new InstallationAddress("Storgata 1", "0155", "Oslo", "0301"), EndUserGroup.HOUSEHOLD, null,
                        MeteringResolution.QUARTER_HOURLY, null, null));
    }

    @Test
    void norgesprisOrderedActivatedCancelledKeepsFullHistory() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.NORGESPRIS, 0, null, OCT_1);   // order registered, waiting for Elhub
        point.setProperty(PropertyCode.NORGESPRIS, 1, null, OCT_1);   // Elhub: Initiated → active from its start date
        point.setProperty(PropertyCode.NORGESPRIS, 2, null, OCT_15);  // cancellation registered
        point.setProperty(PropertyCode.NORGESPRIS, 3, null, NOV_1);   // cancelled

        assertThat(point.propertyValues(PropertyCode.NORGESPRIS))
                .extracting(PropertyValue::value, PropertyValue::period)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, Period.of(OCT_1, OCT_1)),   // replaced the same day: kept, in force on no day
                        org.assertj.core.groups.Tuple.tuple(1, Period.of(OCT_1, OCT_15)),
                        org.assertj.core.groups.Tuple.tuple(2, Period.of(OCT_15, NOV_1)),
                        org.assertj.core.groups.Tuple.tuple(3, Period.from(NOV_1)));
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, OCT_1).orElseThrow().value()).isEqualTo(1);
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, LocalDate.of(2025, 10, 31)).orElseThrow().value()).isEqualTo(2);
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, LocalDate.of(2025, 9, 30))).isEmpty();
    }

    @Test
    void errorKeepsElhubTextAndCanBeResent() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.NORGESPRIS, 0, null, OCT_1);
        point.setProperty(PropertyCode.NORGESPRIS, -1, "CONTRACT_ALREADY_EXISTS: a contract exists for the metering point", OCT_1);
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, OCT_1).orElseThrow().note()).startsWith("CONTRACT_ALREADY_EXISTS");

        point.setProperty(PropertyCode.NORGESPRIS, 0, null, OCT_15);   // re-sent
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, OCT_15).orElseThrow().value()).isZero();
    }

    @Test
    void errorWithoutTextIsRejected() {
        assertThatThrownBy(() -> household().setProperty(PropertyCode.NORGESPRIS, -1, " ", OCT_1))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.rule()).isEqualTo("property.888.errorTextRequired"));
    }

    @ParameterizedTest(name = "888 {0} → {1} is refused")
    @CsvSource({"1, 0", "1, -1", "0, 2", "3, 2", "3, -1"})
    void forbiddenTransitions(int from, int to) {
        MeteringPoint point = household();
        if (from == 3) {
            point.setProperty(PropertyCode.NORGESPRIS, 1, null, OCT_1);
        }
        point.setProperty(PropertyCode.NORGESPRIS, from, null, OCT_1);
        assertThatThrownBy(() -> point.setProperty(PropertyCode.NORGESPRIS, to, to == -1 ? "error" : null, OCT_15))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("property.888.transition"));
    }

    @Test
    void initiatedBecomesActivatedWithTheSameValueAndAnotherNote() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.NORGESPRIS, 1, "Initiated; cancellable until 2025-10-15", OCT_1);
        assertThat(point.setProperty(PropertyCode.NORGESPRIS, 1, null, OCT_1)).isTrue();
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, OCT_15).orElseThrow().note()).isNull();
    }

    @Test
    void settingTheValueInForceChangesNothing() {
        MeteringPoint point = household();
        assertThat(point.setProperty(PropertyCode.SETTLED_COMPENSATION, 1, null, OCT_1)).isTrue();
        assertThat(point.setProperty(PropertyCode.SETTLED_COMPENSATION, 1, null, OCT_15)).isFalse();
        assertThat(point.propertyValues(PropertyCode.SETTLED_COMPENSATION)).hasSize(1);
    }

    @Test
    void historyIsNeverRewritten() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.SETTLED_COMPENSATION, 0, null, OCT_15);
        assertThatThrownBy(() -> point.setProperty(PropertyCode.SETTLED_COMPENSATION, 1, null, OCT_1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("history.beforeLatest"));
    }

    @Test
    void expiredAgreementEndsWithoutSuccessorAndCanBeOrderedAgain() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.NORGESPRIS, 1, null, OCT_1);
        point.endProperty(PropertyCode.NORGESPRIS, LocalDate.of(2026, 1, 1));   // Expired at the end of the year
        assertThat(point.propertyOn(PropertyCode.NORGESPRIS, LocalDate.of(2026, 1, 1))).isEmpty();

        point.setProperty(PropertyCode.NORGESPRIS, 0, null, LocalDate.of(2026, 2, 1));   // nothing in force → 0 allowed
        assertThat(point.propertyValues(PropertyCode.NORGESPRIS)).hasSize(2);
    }

    @Test
    void propertiesAreIndependentOfEachOther() {
        MeteringPoint point = household();
        point.setProperty(PropertyCode.SETTLED_COMPENSATION, 0, null, OCT_15);
        point.setProperty(PropertyCode.COMPENSATION_OVERRIDE, 3, "business use", OCT_1);   // earlier date, other code: fine
        assertThat(point.propertyOn(PropertyCode.COMPENSATION_OVERRIDE, OCT_15).orElseThrow().value()).isEqualTo(3);
        assertThatThrownBy(() -> point.setProperty(PropertyCode.SETTLED_COMPENSATION, 4, null, NOV_1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("property.900.value"));
    }

    @Test
    void characteristicsChangeClosesThePreviousVersion() {
        MeteringPoint point = household();
        Characteristics hourly = point.characteristicsOn(OCT_1).orElseThrow();
        Characteristics cabin = new Characteristics(hourly.priceArea(), hourly.gridOwner(), hourly.address(),
                EndUserGroup.HOLIDAY_HOME, null, MeteringResolution.QUARTER_HOURLY, false, 1, false);
        point.changeCharacteristics(OCT_15, cabin);

        assertThat(point.characteristicsOn(LocalDate.of(2025, 10, 14)).orElseThrow().endUserGroup()).isEqualTo(EndUserGroup.HOUSEHOLD);
        assertThat(point.characteristicsOn(OCT_15).orElseThrow().endUserGroup()).isEqualTo(EndUserGroup.HOLIDAY_HOME);
        assertThat(point.characteristicsVersions()).extracting(CharacteristicsVersion::period)
                .containsExactly(Period.of(LocalDate.of(2025, 1, 1), OCT_15), Period.from(OCT_15));
    }
}
