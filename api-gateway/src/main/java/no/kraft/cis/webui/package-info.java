/** Serves the staff web UI and its sign-in settings. */
package no.kraft.cis.webui;
