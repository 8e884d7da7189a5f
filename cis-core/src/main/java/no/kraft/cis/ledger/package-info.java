/**
 * The customer ledger (reskontro): per customer, the invoices and credit notes issued and the payments received, the
 * balance and the overdue amount, each invoice's open amount; payment arrangements (postponing a due date) and the
 * hand-over of an invoice to debt collection (inkasso). A read model over the invoice and payment tables — the
 * ledger stores no totals of its own, so it cannot drift from the documents.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period", "invoice", "customer"})
package no.kraft.cis.ledger;
