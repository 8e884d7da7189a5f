package no.kraft.cis.elhub.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.metering.SentMessages;
import no.kraft.cis.elhub.metering.ValidatedDataReader;
import org.junit.jupiter.api.Test;

/**
 * Elhub's NotifyMeteringPointCharacteristics, NotifyEndOfSupply, ConfirmEndOfSupply, RejectEndOfSupply and
 * Acknowledgement examples, read as the intakes and answer handlers read them.
 */
class MasterDataSampleTest {

    @Test
    void theFieldsTheIntakesUseAreReadFromElhubsExamples() throws Exception {
        MessageFields master = read("NotifyMeteringPointCharacteristics_15Mins.xml");
        assertThat(master.messageId()).matches("[0-9a-f-]{36}");
        assertThat(master.process()).isEqualTo("BRS-NO-303");
        assertThat(master.first("StartOfOccurrence")).isEqualTo("2015-06-11T00:00:00+02:00");
        assertThat(master.first("MeteringPointUsedDomainLocation/Identification")).isEqualTo("707057500022939815");
        assertThat(master.first("MeterReadingOccurrence")).isEqualTo("PT15M");
        assertThat(master.first("MPAddressMeteringPointAddress/StreetName")).isEqualTo("Kirkegt.");
        assertThat(master.first("BuildingNumber")).isEqualTo("45");
        assertThat(master.first("VATCode")).isEqualTo("S");
        // the grid area the price area comes from, and the NACE division ("XX" in the example: not a division, not taken)
        assertThat(master.first("MeteringGridAreaUsedDomainLocation/Identification")).isEqualTo("EIC-Y12345678901");
        assertThat(master.first("NACE_DivisionCode")).isEqualTo("XX");

        MessageFields end = read("NotifyEndOfSupply.xml");
        assertThat(end.process()).isEqualTo("BRS-NO-201");
        assertThat(end.first("EndOfOccurrence")).isEqualTo("2015-04-30T00:00:00+02:00");
        assertThat(end.first("MeteringPointUsedDomainLocation/Identification")).isEqualTo("707057500022939815");

        MessageFields confirm = read("ConfirmEndOfSupply.xml");
        assertThat(confirm.process()).isEqualTo("BRS-NO-201");
        assertThat(confirm.first("OriginalBusinessDocumentReference")).isEqualTo("123e4567-e89c-12d3-a456-426655440000");
        MessageFields reject = read("RejectEndOfSupply.xml");
        assertThat(reject.all("ResponseReasonType")).containsExactly("E10");
        assertThat(reject.first("OriginalBusinessDocumentReference")).isEqualTo("123e4567-e89c-12d3-a456-426655440000");
        MessageFields ack = read("Acknowledgement.xml");
        assertThat(ack.first("StatusType")).isEqualTo("41");
        assertThat(ack.all("ResponseReasonType")).containsExactly("E10");
        assertThat(ack.first("OriginalBusinessDocumentReference")).isEqualTo("123e4567-e89b-12d3-a456-426655440000");
    }

    private static MessageFields read(String name) throws Exception {
        SentMessages.schemas();   // skips with a message when ../shared is not here
        java.nio.file.Path file = java.nio.file.Path.of("../shared/samples/elhub").toFile().isDirectory()
                ? java.nio.file.Path.of("../shared/samples/elhub", name) : java.nio.file.Path.of("../../shared/samples/elhub", name);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = ValidatedDataReader.factory().createXMLStreamReader(in);
            while (r.next() != XMLStreamConstants.START_ELEMENT) {
                // to the root
            }
            return MessageFields.read(r, id -> false);
        }
    }
}
