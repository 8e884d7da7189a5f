package no.kraft.cis.api.customer;

import io.swagger.v3.oas.annotations.media.Schema;

/** Search criteria including the exact national ID, sent in a body so the number never lands in an access log. */
record CustomerSearchBody(
        @Schema(description = "part of the name; case- and accent-insensitive", example = "nordm") String name,
        String customerNumber,
        @Schema(description = "mobile number in any common form", example = "91234567") String phone,
        String email,
        String meteringPointId,
        @Schema(description = "exact fødselsnummer / D-nummer") String nationalId,
        @Schema(description = "words of an address (street and number, postcode, place) of the customer or one of "
                + "their metering points; every word must occur", example = "storgata 1 oslo") String address,
        Integer page,
        Integer size) {
}
