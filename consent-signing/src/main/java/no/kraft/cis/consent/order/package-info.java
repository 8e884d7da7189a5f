/** Contract orders (kontraktsordre): intake, validation, the process stages and their log, import and finalize. */
@org.springframework.modulith.NamedInterface("order")
package no.kraft.cis.consent.order;
