/** Client of Elhub's Access API (consent control). */
@org.springframework.modulith.NamedInterface("elhubaccess")
package no.kraft.cis.consent.elhubaccess;
