/** Client of Signicat's Sign API v2. */
@org.springframework.modulith.NamedInterface("signicat")
package no.kraft.cis.consent.signicat;
