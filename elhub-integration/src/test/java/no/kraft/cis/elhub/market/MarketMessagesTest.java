package no.kraft.cis.elhub.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.metering.SentMessages;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The market messages as they leave — RequestStartOfSupply for a person and an organisation in each process, its
 * cancellation and rollback, RequestEndOfSupply, RequestUpdateCustomerInformation: valid by Elhub's XSD.
 */
class MarketMessagesTest {

    private final EmifSoap soap = new EmifSoap(SigningKey.generated(), RestClient.builder(), null,
            Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC), "7080000923168", "7080003824349");

    @Test
    void aChangeOfSupplierForAPersonAndAMoveInForAnOrganisationValidate() throws Exception {
        var schemas = SentMessages.schemas();
        SupplyStart.Address address = new SupplyStart.Address("Storgata", "1", "0155", "Oslo");
        for (ProcessKind kind : ProcessKind.values()) {
            if (kind.ending()) {
                continue;
            }
            String person = MarketMessages.requestStartOfSupply(soap, EmifSoap.newId(), "7080000923168", new SupplyStart(kind,
                    "707057500000000018", LocalDate.of(2026, 4, 1), "01018010018", null, "Kari", "Nordmann & Sønn", address));
            schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestStartOfSupplyRequest", person)));
            assertThat(person).contains(">" + kind.brs() + "<").contains("schemeAgencyIdentifier=\"Z01\">01018010018<")
                    .contains("<abie:StartOfOccurrence>2026-04-01T00:00:00+02:00</abie:StartOfOccurrence>")
                    .contains("Nordmann &amp; Sønn").contains("<abie:RequestPositiveAcknowledgement>true<");
        }
        String organisation = MarketMessages.requestStartOfSupply(soap, EmifSoap.newId(), "7080000923168", new SupplyStart(ProcessKind.MOVE_IN,
                "707057500000000032", LocalDate.of(2026, 10, 25), "923609016", "Fjellbygg AS", null, null,
                new SupplyStart.Address("Fjellveien", "12", "5019", "Bergen")));
        schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestStartOfSupplyRequest", organisation)));
        // its cancellation: the same message as E02, a new Identification, the original's as reference
        String originalId = EmifSoap.newId();
        String original = MarketMessages.requestStartOfSupply(soap, originalId, "7080000923168", new SupplyStart(ProcessKind.CHANGE_OF_SUPPLIER,
                "707057500000000018", LocalDate.of(2026, 4, 1), "01018010018", null, "Kari", "Nordmann", new SupplyStart.Address(
                        "Storgata", "1", "0155", "Oslo")));
        String cancelId = EmifSoap.newId();
        String cancel = MarketMessages.cancelStartOfSupply(soap, original, originalId, cancelId);
        schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestStartOfSupplyRequest", cancel)));
        assertThat(cancel).contains("<abie:Identification>" + cancelId + "</abie:Identification>")
                .contains("<abie:DocumentType listAgencyIdentifier=\"260\">E02</abie:DocumentType>")
                .contains("<abie:OriginalBusinessDocumentReference>" + originalId + "</abie:OriginalBusinessDocumentReference>")
                .doesNotContain("<abie:Identification>" + originalId + "</abie:Identification>");
        // the long DST day starts at +02:00
        assertThat(organisation).contains("schemeAgencyIdentifier=\"82\">923609016<").contains("<abie:Name>Fjellbygg AS</abie:Name>")
                .contains("2026-10-25T00:00:00+02:00");
    }

    @Test
    void aRollbackIsBrs111WithoutTheBalanceSupplier() throws Exception {
        var schemas = SentMessages.schemas();
        String originalId = EmifSoap.newId();
        String original = MarketMessages.requestStartOfSupply(soap, originalId, "7080000923168", new SupplyStart(ProcessKind.CHANGE_OF_SUPPLIER,
                "707057500000000018", LocalDate.of(2026, 4, 1), "01018010018", null, "Kari", "Nordmann",
                new SupplyStart.Address("Storgata", "1", "0155", "Oslo")));
        String rollbackId = EmifSoap.newId();
        String rollback = MarketMessages.rollbackStartOfSupply(soap, original, originalId, rollbackId);
        schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestStartOfSupplyRequest", rollback)));
        assertThat(rollback).contains(">BRS-NO-111<").doesNotContain(">BRS-NO-101<").doesNotContain("BalanceSupplierInvolvedEnergyParty")
                .contains("<abie:DocumentType listAgencyIdentifier=\"260\">E02</abie:DocumentType>")
                .contains("<abie:OriginalBusinessDocumentReference>" + originalId + "<").contains("<abie:Identification>" + rollbackId + "<");
    }

    @Test
    void anEndOfSupplyCarriesTheNewInvoiceAddress() throws Exception {
        var schemas = SentMessages.schemas();
        for (ProcessKind kind : new ProcessKind[] {ProcessKind.MOVE_OUT, ProcessKind.TERMINATION}) {
            String end = MarketMessages.requestEndOfSupply(soap, EmifSoap.newId(), "7080000923168", new SupplyEnd(kind, "707057500000000018",
                    LocalDate.of(2026, 3, 29), "01018010018", null, "Kari", "Nordmann", new SupplyStart.Address("Nyveien", "3B", "7010",
                            "Trondheim")));
            schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestEndOfSupplyRequest", end)));
            // 29 March 2026 begins in winter time (+01:00): the clocks go forward at 02:00 that night
            assertThat(end).contains(">" + kind.brs() + "<").contains("<abie:DocumentType listAgencyIdentifier=\"6\">432</abie:DocumentType>")
                    .contains("<abie:EndOfOccurrence>2026-03-29T00:00:00+01:00</abie:EndOfOccurrence>")
                    .contains("<abie:StreetName>Nyveien</abie:StreetName><abie:BuildingNumber>3B</abie:BuildingNumber>")
                    .doesNotContain("ExtendedStorageMeteringValues");
        }
    }

    @Test
    void anEndsCancellationIsTheRequestAsE02AndItsRollbackIsBrs221BothValid() throws Exception {
        var schemas = SentMessages.schemas();
        for (ProcessKind kind : new ProcessKind[] {ProcessKind.MOVE_OUT, ProcessKind.TERMINATION}) {
            String originalId = EmifSoap.newId();
            String original = MarketMessages.requestEndOfSupply(soap, originalId, "7080000923168", new SupplyEnd(kind, "707057500000000018",
                    LocalDate.of(2026, 4, 1), "01018010018", null, "Kari", "Nordmann", new SupplyStart.Address("Nyveien", "3B", "7010",
                            "Trondheim")));
            String cancelId = EmifSoap.newId();
            String cancel = MarketMessages.cancelEndOfSupply(soap, original, originalId, cancelId);
            schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestEndOfSupplyRequest", cancel)));
            // OriginalBusinessDocumentReference follows EndOfOccurrence in Elhub_RequestEndOfSupplyType
            assertThat(cancel).contains("<abie:Identification>" + cancelId + "</abie:Identification>")
                    .contains("<abie:DocumentType listAgencyIdentifier=\"260\">E02</abie:DocumentType>").contains(">" + kind.brs() + "<")
                    .contains("</abie:EndOfOccurrence><abie:OriginalBusinessDocumentReference>" + originalId
                            + "</abie:OriginalBusinessDocumentReference>")
                    .doesNotContain(">432<");
            String rollback = MarketMessages.rollbackEndOfSupply(soap, original, originalId, EmifSoap.newId());
            schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestEndOfSupplyRequest", rollback)));
            assertThat(rollback).contains(">BRS-NO-221<").doesNotContain(">" + kind.brs() + "<")
                    .contains("<abie:OriginalBusinessDocumentReference>" + originalId + "</abie:OriginalBusinessDocumentReference>");
        }
    }

    @Test
    void aCustomerInformationUpdateCarriesTheContact() throws Exception {
        var schemas = SentMessages.schemas();
        String update = MarketMessages.requestUpdateCustomerInformation(soap, EmifSoap.newId(), "707057500000000018", "923609016",
                "Fjellbygg AS", null, null, new MarketMessages.Contact("post@fjellbygg.no", "+47 944 56 123"),
                new SupplyStart.Address("Fjellveien", "12", "5019", "Bergen"));
        schemas.validate(SentMessages.message(soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, "RequestUpdateCustomerInformationRequest",
                update)));
        assertThat(update).contains(">BRS-NO-301<").contains("<abie:DocumentType listAgencyIdentifier=\"260\">E10</abie:DocumentType>")
                .contains("<abie:CommunicationChannel>Email</abie:CommunicationChannel><abie:CompleteNumber>post@fjellbygg.no<")
                .contains("<abie:CommunicationChannel>Mobile</abie:CommunicationChannel><abie:CompleteNumber>+47 944 56 123<")
                .doesNotContain("StartOfOccurrence");
    }
}
