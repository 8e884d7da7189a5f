/**
 * Contract orders with digital consent: the order process ({@code order}), Elhub consent control through the document
 * flow signed with BankID via Signicat or the request flow ({@code control}, {@code elhubaccess}, {@code signicat}), our
 * order confirmation PDF ({@code document}), the hash-chained audit trail ({@code audit}), and stand-ins for Elhub's
 * Access API and Signicat ({@code standin}). Depends on cis-core and on elhub-integration's Maskinporten client.
 */
package no.kraft.cis.consent;
