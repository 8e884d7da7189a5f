/** The debt-collection agency's stand-in for the local profile and the tests: its claims API over real HTTP. */
package no.kraft.cis.collection.standin;
