/**
 * How a customer receives invoices (betalingskanal): AvtaleGiro, eFaktura, e-mail with a PDF, EHF through Peppol for
 * organisations, or paper; and the Peppol participant list (deltakerregister), imported from a file or URL on a
 * schedule, that says which organisation numbers can receive EHF.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "customer"})
package no.kraft.cis.paymentchannel;
