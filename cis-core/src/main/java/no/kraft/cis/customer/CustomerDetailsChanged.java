package no.kraft.cis.customer;

/**
 * A customer's name, contact or postal address changed (published in the changing transaction; listeners that must
 * pass it on, such as Elhub's customer-information update, store that they must in it).
 */
public record CustomerDetailsChanged(long customerId, CustomerNumber customerNumber) {
}
