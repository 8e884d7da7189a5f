/**
 * Read side for customer service and partners: customer search (name, number, phone, email, metering point,
 * national ID) and the customer 360 overview. Reads the other core modules through their services, and their tables
 * directly for search.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"rule", "period", "customer", "contract", "meteringpoint"})
package no.kraft.cis.customerview;
