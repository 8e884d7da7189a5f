/** Stand-ins for Elhub's Access API and Signicat (tests and the local profile). */
@org.springframework.modulith.NamedInterface("consent-standin")
package no.kraft.cis.consent.standin;
