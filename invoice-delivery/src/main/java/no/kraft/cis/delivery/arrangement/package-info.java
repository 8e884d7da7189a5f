/**
 * Payment arrangements reaching the customer: the confirmation of an instalment plan (avdragsavtale) with every
 * instalment's due date, amount and KID, by e-mail or on paper, through a durable outbox of its own.
 */
@org.springframework.modulith.NamedInterface("arrangement")
package no.kraft.cis.delivery.arrangement;
