/** EHF out through our Peppol access point provider's HTTP API. */
@org.springframework.modulith.NamedInterface("peppol")
package no.kraft.cis.delivery.peppol;
