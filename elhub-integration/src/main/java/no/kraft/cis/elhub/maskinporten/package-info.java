/** The Maskinporten token client (JWT grant), used for Elhub's Contracts API and Access API. */
@org.springframework.modulith.NamedInterface("maskinporten")
package no.kraft.cis.elhub.maskinporten;
