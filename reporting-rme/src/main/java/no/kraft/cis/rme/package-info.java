/**
 * Monthly Norgespris report to RME.
 *
 * <p>Not built yet: this module is the place reserved for it in the layout (see the module README). It depends on
 * cis-core only; cis-core never depends on it.
 */
package no.kraft.cis.rme;
