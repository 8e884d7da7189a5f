package no.kraft.cis.elhub.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.inbound.MessageHandler;
import no.kraft.cis.metervalue.IntervalValues;
import no.kraft.cis.metervalue.MeterValueImport;
import no.kraft.cis.metervalue.PeriodVolume;
import no.kraft.cis.metervalue.PeriodVolumes;

/**
 * BRS-NO-313 meter values into our meter values: each series of consumed active energy (product 8716867000030, kWh,
 * direction Out) cut at Norwegian midnights and merged interval by interval ({@link MeterValueImport#importIntervals});
 * a profiled point's period volume (BRS-NO-312, a {@code ProfiledObservation}) into {@link PeriodVolumes}; production
 * series and other products are counted and left. One message is one import: all of it or nothing (the caller's
 * transaction).
 */
public class MeterValuesIntake implements MessageHandler<ValidatedData> {

    private final MeterValueImport imports;
    private final PeriodVolumes periodVolumes;

    public MeterValuesIntake(MeterValueImport imports, PeriodVolumes periodVolumes) {
        this.imports = imports;
        this.periodVolumes = periodVolumes;
    }

    @Override
    public String namespace() {
        return ValidatedDataReader.NAMESPACE;
    }

    @Override
    public String root() {
        return ValidatedDataReader.ROOT;
    }

    @Override
    public ValidatedData read(XMLStreamReader message, Predicate<String> seen) throws XMLStreamException {
        return ValidatedDataReader.read(message, seen);
    }

    @Override
    public String messageId(ValidatedData message) {
        return message.messageId();
    }

    @Override
    public String process(ValidatedData message) {
        return message.process();
    }

    @Override
    public String meteringPoint(ValidatedData message) {
        return message.series().isEmpty() ? null : message.series().getFirst().meteringPointId();
    }

    @Override
    public String apply(ValidatedData message) {
        List<IntervalValues> values = new ArrayList<>();
        List<PeriodVolume> volumes = new ArrayList<>();
        int left = 0;
        for (ValidatedData.Series s : message.series()) {
            if (s.billableConsumption()) {
                values.addAll(DayCut.cut(s));
            } else if (s.periodVolume()) {
                volumes.add(periodVolume(s));
            } else {
                left++;
            }
        }
        String source = "Elhub " + message.process() + " " + message.messageId();
        String notBilled = left == 0 ? "" : "; " + left + " series not consumption in kWh (production or another product) left";
        String profiled = "";
        if (!volumes.isEmpty()) {
            PeriodVolumes.Result p = periodVolumes.store(volumes, source);
            profiled = "; " + volumes.size() + " period volumes: " + p.added() + " added, " + p.replaced() + " replaced, " + p.unchanged()
                    + " unchanged";
        }
        if (values.isEmpty()) {
            return (volumes.isEmpty() ? "nothing to store" : "no interval values") + profiled + notBilled;
        }
        MeterValueImport.Result r = imports.importIntervals(values, source);
        return r.values() + " values: " + r.added() + " days added, " + r.corrected() + " corrected, " + r.unchanged() + " unchanged, "
                + r.recalculationNeeds() + " recalculation needs" + profiled + notBilled;
    }

    private static PeriodVolume periodVolume(ValidatedData.Series s) {
        ValidatedData.Profiled p = s.profiled();
        return new PeriodVolume(s.meteringPointId(), s.start(), s.end(), PeriodVolume.Status.valueOf(p.status().toUpperCase(java.util.Locale.ROOT)),
                p.kwh(), p.readReason(), p.meterReadingStart(), p.meterReadingEnd(), s.registered());
    }
}
