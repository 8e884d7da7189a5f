package no.kraft.cis.api.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import no.kraft.cis.customer.ContactDetails;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.rule.FieldValidation;

/** A customer as sent by a client, for registration ({@code POST}) and full replacement ({@code PUT}). */
@Schema(description = "A private customer (kind PRIVATE: nationalId, firstName, lastName) or an organisation "
        + "(kind ORGANISATION: organisationNumber, organisationName).")
record CustomerBody(
        @Schema(example = "PRIVATE", allowableValues = {"PRIVATE", "ORGANISATION"}) String kind,
        @Schema(description = "fødselsnummer or D-nummer, 11 digits", example = "01017012343") String nationalId,
        @Schema(example = "Kari") String firstName,
        @Schema(example = "Nordmann") String lastName,
        @Schema(example = "923609016") String organisationNumber,
        @Schema(example = "Nordlys Bakeri AS") String organisationName,
        @Schema(example = "kari@example.no") String email,
        @Schema(description = "E.164, or a Norwegian mobile number as written", example = "912 34 567") String mobile,
        AddressBody address,
        @Schema(description = "on PUT: the version you read") Long version) {

    record AddressBody(
            @Schema(example = "Storgata 1") String street,
            @Schema(example = "0155") String postcode,
            @Schema(example = "Oslo") String city,
            @Schema(example = "NO") String countryCode) {

        static AddressBody of(PostalAddress a) {
            return new AddressBody(a.street(), a.postcode(), a.city(), a.countryCode());
        }
    }

    CustomerIdentity identity(FieldValidation check) {
        String k = kind == null ? null : kind.strip();
        if ("PRIVATE".equals(k)) {
            NationalId id = check.required("nationalId", nationalId, () -> new NationalId(nationalId.strip()));
            check.required("firstName", firstName, () -> firstName);
            check.required("lastName", lastName, () -> lastName);
            return check.field("firstName", () -> id == null || firstName == null || lastName == null ? null
                    : new CustomerIdentity.Person(id, firstName, lastName));
        }
        if ("ORGANISATION".equals(k)) {
            OrganisationNumber number = check.required("organisationNumber", organisationNumber,
                    () -> OrganisationNumber.parse(organisationNumber));
            check.required("organisationName", organisationName, () -> organisationName);
            return check.field("organisationName", () -> number == null || organisationName == null ? null
                    : new CustomerIdentity.Organisation(number, organisationName));
        }
        check.reject("kind", k == null || k.isEmpty() ? "required" : "kind.unknown", "kind is PRIVATE or ORGANISATION");
        return null;
    }

    ContactDetails contact(FieldValidation check) {
        Email e = check.optional("email", email, () -> Email.parse(email));
        MobileNumber m = check.optional("mobile", mobile, () -> MobileNumber.parse(mobile));
        return new ContactDetails(e, m);
    }

    PostalAddress postalAddress(FieldValidation check) {
        if (address == null) {
            return null;
        }
        return check.field("address", () -> new PostalAddress(address.street(), address.postcode(), address.city(),
                address.countryCode()));
    }
}
