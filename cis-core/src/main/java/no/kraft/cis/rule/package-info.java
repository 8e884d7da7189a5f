/**
 * How the domain says "no": rule violations with stable codes, the field they concern, and the HTTP-independent
 * exception types the API maps to problem+json (400 validation, 409 conflict, 404 not found).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package no.kraft.cis.rule;
