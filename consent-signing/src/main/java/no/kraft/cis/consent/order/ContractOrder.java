package no.kraft.cis.consent.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An order as stored, with its process log and comments when read for display. */
public record ContractOrder(
        long id,
        OrderNumber number,
        NewOrder.Channel channel,
        NewOrder.Kind kind,
        Stage stage,
        OrderStatus status,
        String stopReason,
        Applicant applicant,
        String meteringPointId,
        String productCode,
        LocalDate startDate,
        NewOrder.ConsentFlow consentFlow,
        UUID consentId,
        String grantId,
        Long customerNumber,
        Long contractNumber,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Long supplyProcessId) {

    /** The customer as ordered (personal data: shown to staff, masked for others by the API). */
    public record Applicant(String kind, String nationalId, String organisationNumber, String firstName, String lastName,
            String organisationName, String email, String mobile, String street, String postcode, String city) {

        public boolean person() {
            return "PERSON".equals(kind);
        }

        public String displayName() {
            return person() ? firstName + " " + lastName : organisationName;
        }

        public String addressLine() {
            if (street == null) {
                return "";
            }
            return street + ", " + (postcode == null ? "" : postcode + " ") + (city == null ? "" : city);
        }
    }

    /** One recorded process execution (prosesskjøring). */
    public record Step(Instant at, Stage stage, String code, String name, String category, Result result, String status, List<Info> info) {
    }

    /** A coded info message of a step. */
    public record Info(String code, String text) {
    }

    /** The result of a step. */
    public enum Result { OK, SUCCESS, ERROR }

    public record Comment(Instant at, String author, String text) {
    }
}
