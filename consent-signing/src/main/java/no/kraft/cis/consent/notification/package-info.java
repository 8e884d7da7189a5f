/** The notification port (e-mail / SMS to the customer) and its log-only implementation. */
package no.kraft.cis.consent.notification;
