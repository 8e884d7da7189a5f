/** Stand-ins for the local profile and the tests: the SMTP server (GreenMail). */
package no.kraft.cis.delivery.standin;
