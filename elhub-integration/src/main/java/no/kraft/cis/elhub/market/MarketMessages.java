package no.kraft.cis.elhub.market;

import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.emif.EmifTime;
import no.kraft.cis.period.NorwegianTime;

/** The market-process messages we send (BIM 2.3, validated against Elhub's XSDs in tests). */
public final class MarketMessages {

    public static final String MARKET_PROCESSES_WSDL = "urn:no:elhub:emif:wsdl:marketprocesses:v2";

    private MarketMessages() {
    }

    /**
     * {@code RequestStartOfSupply} (DocumentType 392, agency 6) asking for a positive acknowledgement, so Elhub answers
     * with {@code ConfirmStartOfSupply} as well as a rejection. The start is local midnight (Elhub does not use the time
     * part yet).
     */
    public static String requestStartOfSupply(EmifSoap soap, String messageId, String ourGln, SupplyStart s) {
        String header = soap.header(messageId, "392", "6").replace("</abie:Creation>",
                "</abie:Creation><abie:RequestPositiveAcknowledgement>true</abie:RequestPositiveAcknowledgement>");
        StringBuilder user = new StringBuilder("<abie:ConsumerInvolvedCustomerParty><abie:Identification schemeAgencyIdentifier=\"")
                .append(s.organisation() ? "82" : "Z01").append("\">").append(xml(s.endUserId())).append("</abie:Identification>");
        if (s.organisation()) {
            user.append("<abie:Name>").append(xml(clip(s.name(), 80))).append("</abie:Name>");
        } else {
            user.append("<abie:GivenName>").append(xml(clip(s.givenName(), 80))).append("</abie:GivenName>")
                    .append("<abie:FamilyName>").append(xml(clip(s.familyName(), 40))).append("</abie:FamilyName>");
        }
        user.append("<abie:ExtendedStorageMeteringValues>true</abie:ExtendedStorageMeteringValues></abie:ConsumerInvolvedCustomerParty>");
        SupplyStart.Address a = s.address();
        String address = "<abie:ConsumerInvolvedCustomerAddress><abie:AddressType>postaladr</abie:AddressType>"
                + (a.streetName() == null ? "" : "<abie:StreetName>" + xml(clip(a.streetName(), 150)) + "</abie:StreetName>")
                + (a.buildingNumber() == null ? "" : "<abie:BuildingNumber>" + xml(clip(a.buildingNumber(), 10)) + "</abie:BuildingNumber>")
                + "<abie:Postcode>" + xml(a.postcode()) + "</abie:Postcode><abie:CityName>" + xml(clip(a.city(), 50)) + "</abie:CityName>"
                + "<abie:CountryCode listAgencyIdentifier=\"5\">NO</abie:CountryCode></abie:ConsumerInvolvedCustomerAddress>";
        return "<rsm:RequestStartOfSupply xmlns:rsm=\"urn:no:elhub:emif:market:RequestStartOfSupply:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                + header + EmifSoap.context(s.kind().brs())
                + "<rsm:PayloadMPEvent><abie:StartOfOccurrence>" + EmifTime.format(s.startDate().atStartOfDay(NorwegianTime.ZONE))
                + "</abie:StartOfOccurrence><abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"9\">"
                + s.meteringPointId() + "</abie:Identification></abie:MeteringPointUsedDomainLocation>"
                + "<abie:BalanceSupplierInvolvedEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + ourGln
                + "</abie:Identification></abie:BalanceSupplierInvolvedEnergyParty>"
                + user + address + "</rsm:PayloadMPEvent></rsm:RequestStartOfSupply>";
    }

    /**
     * The cancellation of a request we sent: the same message as DocumentType E02 (agency 260) with a new
     * Identification and the original's as {@code OriginalBusinessDocumentReference} (same BRS, same payload).
     */
    public static String cancelStartOfSupply(EmifSoap soap, String original, String originalId, String cancelId) {
        int headerEnd = original.indexOf("</rsm:Header>");
        String freshHeader = soap.header(cancelId, "E02", "260").replace("</abie:Creation>",
                "</abie:Creation><abie:RequestPositiveAcknowledgement>true</abie:RequestPositiveAcknowledgement>");
        int headerStart = original.indexOf("<rsm:Header>");
        if (headerStart < 0 || headerEnd < 0 || !original.contains("</abie:StartOfOccurrence>")) {
            throw new IllegalStateException("not a RequestStartOfSupply of ours");
        }
        String rest = original.substring(headerEnd + "</rsm:Header>".length()).replace("</abie:StartOfOccurrence>",
                "</abie:StartOfOccurrence><abie:OriginalBusinessDocumentReference>" + originalId + "</abie:OriginalBusinessDocumentReference>");
        return original.substring(0, headerStart) + freshHeader + rest;
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
