/**
 * Elhub integration. Built so far: the Maskinporten token client ({@code maskinporten}: JWT grant on Spring Security's
 * JWT-bearer provider, {@code kid} or {@code x5c}, cached tokens with one shared refresh, classified errors) and a
 * Maskinporten stand-in ({@code standin}) that checks assertions as Digdir does. The Contracts API (Norgespris),
 * BRS-NO-611 over EMIF, the outbox and the exception queue follow. Depends on cis-core only.
 */
package no.kraft.cis.elhub;
