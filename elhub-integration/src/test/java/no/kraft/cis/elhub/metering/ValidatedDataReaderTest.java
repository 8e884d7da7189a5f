package no.kraft.cis.elhub.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.metervalue.Estimate;
import no.kraft.cis.metervalue.IntervalValues;
import org.junit.jupiter.api.Test;

/** Elhub's own example messages, read as we read what the PollMeteringValues queue brings. */
class ValidatedDataReaderTest {

    @Test
    void everyPublishedExampleValidatesAgainstItsSchema() throws Exception {
        var schemas = ElhubSamples.schemas();
        List<Path> examples;
        try (Stream<Path> files = Files.list(ElhubSamples.folder())) {
            examples = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(36);
        for (Path example : examples) {
            schemas.validate(Files.readString(example));
        }
    }

    @Test
    void theHourlyExampleGivesFiveValuesWithTheirQualities() throws Exception {
        ValidatedData message;
        try (InputStream in = Files.newInputStream(ElhubSamples.file("NotifyValidatedDataForBillingEnergy.xml"))) {
            message = ValidatedDataReader.read(in);
        }
        assertThat(message.messageId()).isEqualTo("123e4567-e89b-12d3-a456-426655786520");
        assertThat(message.documentType()).isEqualTo("E66");
        assertThat(message.process()).isEqualTo("BRS-NO-313");
        assertThat(message.senderGln()).isEqualTo("9876543210123");
        assertThat(message.recipientGln()).isEqualTo("1234567890123");
        ValidatedData.Series s = message.series().getFirst();
        assertThat(s.meteringPointId()).isEqualTo("707057500022939815");
        assertThat(s.registered()).isEqualTo(Instant.parse("2015-06-16T02:34:12Z"));
        assertThat(s.resolutionMinutes()).isEqualTo(60);
        assertThat(s.billableConsumption()).isTrue();
        // 10, 12, 9, 14, 17 kWh: Metered, Estimated (56/V001/E002), Temporary (V003/E004), Metered, Calculated
        assertThat(s.wh()).containsExactly(10_000, 12_000, 9_000, 14_000, 17_000);
        assertThat(new String(s.qualities())).isEqualTo("METMC");
        assertThat(s.estimates()[1]).isEqualTo(new Estimate("56", "V001", "E002"));
        assertThat(s.estimates()[2]).isEqualTo(new Estimate(null, "V003", "E004"));
        assertThat(s.estimates()[0]).isNull();

        // 07:00–12:00 +02:00 on 16 June 2015: hours 7 to 11 of the Norwegian day
        IntervalValues day = DayCut.cut(s).getFirst();
        assertThat(day.day()).isEqualTo(LocalDate.of(2015, 6, 16));
        assertThat(day.firstIndex()).isEqualTo(7);
        assertThat(day.wh()).hasSize(5);
    }

    @Test
    void theQuarterHourExampleGivesFourCalculatedValues() throws Exception {
        ValidatedData message;
        try (InputStream in = Files.newInputStream(ElhubSamples.file("NotifyValidatedDataForBillingEnergy_15Mins.xml"))) {
            message = ValidatedDataReader.read(in);
        }
        ValidatedData.Series s = message.series().getFirst();
        assertThat(message.process()).isEqualTo("BRS-NO-324");
        assertThat(s.resolutionMinutes()).isEqualTo(15);
        // 1.784 + 1.427 + 1.07 + 0.714 kWh = 4.995 kWh
        assertThat(s.wh()).containsExactly(1_784, 1_427, 1_070, 714);
        assertThat(java.util.Arrays.stream(s.wh()).sum()).isEqualTo(4_995);
        assertThat(new String(s.qualities())).isEqualTo("CCCC");
        assertThat(DayCut.cut(s).getFirst().firstIndex()).isZero();
    }

    @Test
    void aSeriesOverMidnightOnTheLongDstDayIsCutIntoTwoDays() {
        // 24 October 2026 22:00 +02:00 to 25 October 2026 02:00 +01:00 = 5 hours: 22 and 23 on the 24th, then 00, 01 and
        // 02 (the repeated hour is 02:00+02 / 02:00+01) on the 25-hour day
        String xml = message("PT1H", "2026-10-24T22:00:00+02:00", "2026-10-25T02:00:00+01:00", 5, "1");
        ValidatedData.Series s = ValidatedDataReader.read(stream(xml)).series().getFirst();
        List<IntervalValues> days = DayCut.cut(s);
        assertThat(days).extracting(IntervalValues::day).containsExactly(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25));
        assertThat(days.get(0).firstIndex()).isEqualTo(22);
        assertThat(days.get(0).wh()).hasSize(2);
        assertThat(days.get(1).firstIndex()).isZero();
        assertThat(days.get(1).wh()).hasSize(3);
    }

    @Test
    void whatTheSchemaCannotSayIsCheckedHere() {
        assertThatThrownBy(() -> ValidatedDataReader.read(stream(message("PT1H", "2026-06-16T00:00:00+02:00",
                "2026-06-16T05:00:00+02:00", 4, "1"))))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("observation.count"));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream(message("PT1H", "2026-06-16T00:00:00+02:00",
                "2026-06-16T01:00:00+02:00", 1, "1.2345"))))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("observation.decimals"));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream(message("PT1H", "2026-06-16T00:30:00+02:00",
                "2026-06-16T01:00:00+02:00", 1, "1"))))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("series.period"));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream(message("PT5M", "2026-06-16T00:00:00+02:00",
                "2026-06-16T00:05:00+02:00", 1, "1"))))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("series.resolution"));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream("<x/>")))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("message.root"));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")))
                .isInstanceOf(InvalidMessage.class);
    }

    @Test
    void aMessageWeBuildForTheseTestsIsValidByElhubsSchema() throws Exception {
        ElhubSamples.schemas().validate(message("PT1H", "2026-10-24T22:00:00+02:00", "2026-10-25T02:00:00+01:00", 5, "1"));
    }

    @Test
    void aProfiledPointsPeriodVolumeIsReadWithItsStatusAndMeterReadingsAndValidatesByElhubsSchema() throws Exception {
        // May 2026 (2 May 00:00 +02:00 to 3 June 00:00 +02:00, as Elhub's CollectedData example): readings 234 890 → 234 990.5,
        // so 100.500 kWh, Metered with reason code 1
        var start = LocalDate.of(2026, 5, 2).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE);
        var end = LocalDate.of(2026, 6, 3).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE);
        String metered = profiled(no.kraft.cis.elhub.standin.EmifPollStandIn.profiledSeries("707057500022939815", start, end, "Metered",
                "100.5", "234890", "234990.5", Instant.parse("2026-06-03T05:00:00Z")));
        ElhubSamples.schemas().validate(metered);
        ValidatedData.Series s = ValidatedDataReader.read(stream(metered)).series().getFirst();
        assertThat(s.billableConsumption()).isFalse();
        assertThat(s.periodVolume()).isTrue();
        assertThat(s.start()).isEqualTo(Instant.parse("2026-05-01T22:00:00Z"));
        assertThat(s.end()).isEqualTo(Instant.parse("2026-06-02T22:00:00Z"));
        assertThat(s.profiled()).isEqualTo(new ValidatedData.Profiled("Metered", new java.math.BigDecimal("100.500"), "1",
                new java.math.BigDecimal("234890.000"), new java.math.BigDecimal("234990.500")));
        assertThat(s.wh()).isEmpty();

        // taken back: Withdrawn, no volume, no readings
        String withdrawn = profiled(no.kraft.cis.elhub.standin.EmifPollStandIn.profiledSeries("707057500022939815", start, end, "Withdrawn",
                null, null, null, Instant.parse("2026-06-10T05:00:00Z")));
        ElhubSamples.schemas().validate(withdrawn);
        assertThat(ValidatedDataReader.read(stream(withdrawn)).series().getFirst().profiled())
                .isEqualTo(new ValidatedData.Profiled("Withdrawn", null, null, null, null));
        // an estimate with four decimals: the schema's decimal153 lets it through, we do not
        String tooFine = profiled(no.kraft.cis.elhub.standin.EmifPollStandIn.profiledSeries("707057500022939815", start, end, "Estimated",
                "100.1234", null, null, Instant.parse("2026-06-10T05:00:00Z")));
        assertThatThrownBy(() -> ValidatedDataReader.read(stream(tooFine)))
                .isInstanceOfSatisfying(InvalidMessage.class, e -> assertThat(e.rule()).isEqualTo("observation.decimals"));
    }

    /** A one-series message in the shape of {@link #message} around the given {@code PayloadEnergyTimeSeries}. */
    private static String profiled(String series) {
        String hourly = message("PT1H", "2026-06-16T00:00:00+02:00", "2026-06-16T01:00:00+02:00", 1, "1");
        return hourly.replaceFirst("<rsm:PayloadEnergyTimeSeries>.*</rsm:PayloadEnergyTimeSeries>",
                java.util.regex.Matcher.quoteReplacement(series)).replace("BRS-NO-313", "BRS-NO-312");
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-series message in the shape of Elhub's example, {@code count} Metered values of {@code kwh} each. */
    static String message(String resolution, String start, String end, int count, String kwh) {
        StringBuilder observations = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            observations.append("<abie:Observation Sequence=\"").append(i).append("\"><abie:Metered>").append(kwh)
                    .append("</abie:Metered></abie:Observation>");
        }
        return """
                <rsm:NotifyValidatedDataForBillingEnergy xmlns:rsm="urn:no:elhub:emif:metering:NotifyValidatedDataForBillingEnergy:v2" \
                xmlns:abie="urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2">\
                <rsm:Header><abie:Identification>6f1c2a9e-0d4b-4c55-9a39-2b8e5d7f0a11</abie:Identification>\
                <abie:DocumentType listAgencyIdentifier="260">E66</abie:DocumentType><abie:Creation>2026-10-26T07:12:17+01:00</abie:Creation>\
                <abie:PhysicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">7080003824349</abie:Identification></abie:PhysicalSenderEnergyParty>\
                <abie:JuridicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">7080003824349</abie:Identification></abie:JuridicalSenderEnergyParty>\
                <abie:JuridicalRecipientEnergyParty><abie:Identification schemeAgencyIdentifier="9">7080010000000</abie:Identification></abie:JuridicalRecipientEnergyParty>\
                </rsm:Header><rsm:ProcessEnergyContext>\
                <abie:EnergyBusinessProcess listAgencyIdentifier="89">BRS-NO-313</abie:EnergyBusinessProcess>\
                <abie:EnergyBusinessProcessRole listAgencyIdentifier="6">DDQ</abie:EnergyBusinessProcessRole>\
                <abie:EnergyIndustryClassification>23</abie:EnergyIndustryClassification></rsm:ProcessEnergyContext>\
                <rsm:PayloadEnergyTimeSeries><abie:Identification>0a5b3c2d-1e4f-4a6b-8c7d-9e0f1a2b3c4d</abie:Identification>\
                <abie:RegistrationDateTime>2026-10-26T06:34:12+01:00</abie:RegistrationDateTime>\
                <abie:InsertDateTime>2026-10-26T06:40:00+01:00</abie:InsertDateTime>\
                <abie:ObservationPeriodTimeSeriesPeriod><abie:ResolutionDuration>%s</abie:ResolutionDuration>\
                <abie:Start>%s</abie:Start><abie:End>%s</abie:End></abie:ObservationPeriodTimeSeriesPeriod>\
                <abie:ProductIncludedProductCharacteristics><abie:Identification schemeAgencyIdentifier="9">8716867000030</abie:Identification>\
                <abie:UnitType>kWh</abie:UnitType></abie:ProductIncludedProductCharacteristics>\
                <abie:MPDetailMeasurementMeteringPointCharacteristic><abie:Direction>Out</abie:Direction></abie:MPDetailMeasurementMeteringPointCharacteristic>\
                <abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier="9">707057500022939815</abie:Identification></abie:MeteringPointUsedDomainLocation>\
                %s</rsm:PayloadEnergyTimeSeries></rsm:NotifyValidatedDataForBillingEnergy>""".formatted(resolution, start, end, observations);
    }
}
