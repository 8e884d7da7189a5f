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
        Integer page,
        Integer size) {
}
