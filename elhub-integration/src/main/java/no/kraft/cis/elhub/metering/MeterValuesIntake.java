package no.kraft.cis.elhub.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.inbound.MessageHandler;
import no.kraft.cis.metervalue.IntervalValues;
import no.kraft.cis.metervalue.MeterValueImport;

/**
 * BRS-NO-313 meter values into our meter values: each series of consumed active energy (product 8716867000030, kWh,
 * direction Out) cut at Norwegian midnights and merged interval by interval ({@link MeterValueImport#importIntervals});
 * production series and other products are counted and left. One message is one import: all of it or nothing.
 */
public class MeterValuesIntake implements MessageHandler<ValidatedData> {

    private final MeterValueImport imports;

    public MeterValuesIntake(MeterValueImport imports) {
        this.imports = imports;
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
        int left = 0;
        for (ValidatedData.Series s : message.series()) {
            if (s.billableConsumption()) {
                values.addAll(DayCut.cut(s));
            } else {
                left++;
            }
        }
        String notBilled = left == 0 ? "" : "; " + left + " series not consumption in kWh (production, another product or profiled) left";
        if (values.isEmpty()) {
            return "nothing to store" + notBilled;
        }
        MeterValueImport.Result r = imports.importIntervals(values, "Elhub " + message.process() + " " + message.messageId());
        return r.values() + " values: " + r.added() + " days added, " + r.corrected() + " corrected, " + r.unchanged() + " unchanged, "
                + r.recalculationNeeds() + " recalculation needs" + notBilled;
    }
}
