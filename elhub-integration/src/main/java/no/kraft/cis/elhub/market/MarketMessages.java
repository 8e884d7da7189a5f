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
        return "<rsm:RequestStartOfSupply xmlns:rsm=\"urn:no:elhub:emif:market:RequestStartOfSupply:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                + positiveAcknowledgement(soap.header(messageId, "392", "6")) + EmifSoap.context(s.kind().brs())
                + "<rsm:PayloadMPEvent><abie:StartOfOccurrence>" + EmifTime.format(s.startDate().atStartOfDay(NorwegianTime.ZONE))
                + "</abie:StartOfOccurrence>" + meteringPoint(s.meteringPointId()) + balanceSupplier(ourGln)
                + endUser(s.endUserId(), s.name(), s.givenName(), s.familyName(), true) + address(s.address())
                + "</rsm:PayloadMPEvent></rsm:RequestStartOfSupply>";
    }

    /**
     * {@code RequestEndOfSupply} (DocumentType 432, agency 6) asking for a positive acknowledgement: our supply ends at
     * {@code EndOfOccurrence} (local midnight, the first day no longer ours). The address is where the final invoice
     * goes: for a move-out (BRS-NO-201) the end user's new address.
     */
    public static String requestEndOfSupply(EmifSoap soap, String messageId, String ourGln, SupplyEnd e) {
        return "<rsm:RequestEndOfSupply xmlns:rsm=\"urn:no:elhub:emif:market:RequestEndOfSupply:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                + positiveAcknowledgement(soap.header(messageId, "432", "6")) + EmifSoap.context(e.kind().brs())
                + "<rsm:PayloadMPEvent><abie:EndOfOccurrence>" + EmifTime.format(e.endDate().atStartOfDay(NorwegianTime.ZONE))
                + "</abie:EndOfOccurrence>" + meteringPoint(e.meteringPointId()) + balanceSupplier(ourGln)
                + endUser(e.endUserId(), e.name(), e.givenName(), e.familyName(), false) + address(e.address())
                + "</rsm:PayloadMPEvent></rsm:RequestEndOfSupply>";
    }

    /**
     * {@code RequestUpdateCustomerInformation} (DocumentType E10, agency 260; BRS-NO-301) asking for a positive
     * acknowledgement: the end user of the metering point as we now hold them. No StartOfOccurrence: the current end
     * user (Elhub applies it at once).
     */
    public static String requestUpdateCustomerInformation(EmifSoap soap, String messageId, String meteringPointId, String endUserId,
            String name, String givenName, String familyName, Contact contact, SupplyStart.Address address) {
        String user = endUser(endUserId, name, givenName, familyName, true);
        if (contact != null) {
            // Communication follows ExtendedStorageMeteringValues in Elhub_CustomerPartyType
            user = user.replace("</abie:ConsumerInvolvedCustomerParty>", contact.elements() + "</abie:ConsumerInvolvedCustomerParty>");
        }
        return "<rsm:RequestUpdateCustomerInformation xmlns:rsm=\"urn:no:elhub:emif:masterdata:RequestUpdateCustomerInformation:v2\" "
                + "xmlns:abie=\"" + EmifSoap.ABIE + "\">" + positiveAcknowledgement(soap.header(messageId, "E10", "260"))
                + EmifSoap.context("BRS-NO-301") + "<rsm:PayloadMasterDataMPEvent>" + meteringPoint(meteringPointId) + user + address(address)
                + "</rsm:PayloadMasterDataMPEvent></rsm:RequestUpdateCustomerInformation>";
    }

    /** The end user's contact as EMIF's {@code Communication} elements: e-mail and mobile, each when known. */
    public record Contact(String email, String mobile) {

        String elements() {
            return (mobile == null || mobile.isBlank() ? "" : "<abie:Communication><abie:CommunicationChannel>Mobile</abie:CommunicationChannel>"
                    + "<abie:CompleteNumber>" + MarketMessages.xml(clip(mobile, 20)) + "</abie:CompleteNumber></abie:Communication>")
                    + (email == null || email.isBlank() ? "" : "<abie:Communication><abie:CommunicationChannel>Email</abie:CommunicationChannel>"
                    + "<abie:CompleteNumber>" + MarketMessages.xml(clip(email, 100)) + "</abie:CompleteNumber></abie:Communication>");
        }
    }

    private static String positiveAcknowledgement(String header) {
        return header.replace("</abie:Creation>", "</abie:Creation><abie:RequestPositiveAcknowledgement>true</abie:RequestPositiveAcknowledgement>");
    }

    private static String meteringPoint(String id) {
        return "<abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"9\">" + id
                + "</abie:Identification></abie:MeteringPointUsedDomainLocation>";
    }

    private static String balanceSupplier(String gln) {
        return "<abie:BalanceSupplierInvolvedEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + gln
                + "</abie:Identification></abie:BalanceSupplierInvolvedEnergyParty>";
    }

    /** The end user: scheme Z01 with given and family name (a person) or 82 with the name (an organisation). */
    private static String endUser(String id, String name, String givenName, String familyName, boolean extendedStorage) {
        boolean organisation = id.length() == 9;
        StringBuilder user = new StringBuilder("<abie:ConsumerInvolvedCustomerParty><abie:Identification schemeAgencyIdentifier=\"")
                .append(organisation ? "82" : "Z01").append("\">").append(xml(id)).append("</abie:Identification>");
        if (organisation) {
            user.append("<abie:Name>").append(xml(clip(name, 80))).append("</abie:Name>");
        } else {
            user.append("<abie:GivenName>").append(xml(clip(givenName, 80))).append("</abie:GivenName>")
                    .append("<abie:FamilyName>").append(xml(clip(familyName, 40))).append("</abie:FamilyName>");
        }
        if (extendedStorage) {
            user.append("<abie:ExtendedStorageMeteringValues>true</abie:ExtendedStorageMeteringValues>");
        }
        return user.append("</abie:ConsumerInvolvedCustomerParty>").toString();
    }

    private static String address(SupplyStart.Address a) {
        return "<abie:ConsumerInvolvedCustomerAddress><abie:AddressType>postaladr</abie:AddressType>"
                + (a.streetName() == null ? "" : "<abie:StreetName>" + xml(clip(a.streetName(), 150)) + "</abie:StreetName>")
                + (a.buildingNumber() == null ? "" : "<abie:BuildingNumber>" + xml(clip(a.buildingNumber(), 10)) + "</abie:BuildingNumber>")
                + "<abie:Postcode>" + xml(a.postcode()) + "</abie:Postcode><abie:CityName>" + xml(clip(a.city(), 50)) + "</abie:CityName>"
                + "<abie:CountryCode listAgencyIdentifier=\"5\">NO</abie:CountryCode></abie:ConsumerInvolvedCustomerAddress>";
    }

    /**
     * The cancellation of a request we sent: the same message as DocumentType E02 (agency 260) with a new
     * Identification and the original's as {@code OriginalBusinessDocumentReference} (same BRS, same payload).
     */
    public static String cancelStartOfSupply(EmifSoap soap, String original, String originalId, String cancelId) {
        return withReference(soap, original, originalId, cancelId);
    }

    /**
     * The rollback of a start already notified (BRS-NO-111, corrections only): the request as E02 under BRS-NO-111,
     * referring to the original, without BalanceSupplierInvolvedEnergyParty (Elhub's EH059 refuses it in a rollback).
     */
    public static String rollbackStartOfSupply(EmifSoap soap, String original, String originalId, String rollbackId) {
        String message = withReference(soap, original, originalId, rollbackId).replaceFirst(
                "<abie:BalanceSupplierInvolvedEnergyParty>.*?</abie:BalanceSupplierInvolvedEnergyParty>", "");
        return message.replaceFirst("(<abie:EnergyBusinessProcess[^>]*>)BRS-NO-10[1-4]<", "$1BRS-NO-111<");
    }

    /**
     * The cancellation of an end of supply we asked for (BRS-NO-201/202, before Elhub's cancellation deadline): the
     * request as E02 with a new Identification and the original's as {@code OriginalBusinessDocumentReference} after
     * EndOfOccurrence (Elhub_RequestEndOfSupplyType), same BRS, same payload.
     */
    public static String cancelEndOfSupply(EmifSoap soap, String original, String originalId, String cancelId) {
        return withReference(soap, original, originalId, cancelId);
    }

    /**
     * The rollback of an end of supply after Elhub's cancellation deadline (BRS-NO-221, corrections only): the request
     * as E02 under BRS-NO-221, referring to the original.
     */
    public static String rollbackEndOfSupply(EmifSoap soap, String original, String originalId, String rollbackId) {
        return withReference(soap, original, originalId, rollbackId)
                .replaceFirst("(<abie:EnergyBusinessProcess[^>]*>)BRS-NO-20[12]<", "$1BRS-NO-221<");
    }

    /**
     * The request again as E02 (agency 260) with a new Identification and the original's as its reference, right after
     * the occurrence (StartOfOccurrence of a start, EndOfOccurrence of an end: where both types have it).
     */
    private static String withReference(EmifSoap soap, String original, String originalId, String newId) {
        int headerStart = original.indexOf("<rsm:Header>");
        int headerEnd = original.indexOf("</rsm:Header>");
        String occurrence = original.contains("</abie:StartOfOccurrence>") ? "</abie:StartOfOccurrence>" : "</abie:EndOfOccurrence>";
        if (headerStart < 0 || headerEnd < 0 || !original.contains(occurrence)) {
            throw new IllegalStateException("not a RequestStartOfSupply or RequestEndOfSupply of ours");
        }
        String rest = original.substring(headerEnd + "</rsm:Header>".length()).replace(occurrence,
                occurrence + "<abie:OriginalBusinessDocumentReference>" + originalId + "</abie:OriginalBusinessDocumentReference>");
        return original.substring(0, headerStart) + positiveAcknowledgement(soap.header(newId, "E02", "260")) + rest;
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
