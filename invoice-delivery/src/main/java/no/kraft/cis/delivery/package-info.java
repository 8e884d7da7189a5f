/**
 * Invoices reach the customer: the invoice documents (PDF/A, EHF) made once from an issued invoice or credit note and
 * stored immutable ({@code document}), and the channels that carry them — e-mail, SMS, Peppol, eFaktura, AvtaleGiro,
 * print — with the delivery process that picks the channel and falls back between them. Depends on cis-core and
 * norgespris-billing (the settlement behind the "why this amount" part); nothing depends on it but the application.
 */
package no.kraft.cis.delivery;
