package no.kraft.cis.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByInvoiceNumber(long invoiceNumber);

    List<Invoice> findByCustomerIdOrderByInvoiceNumber(long customerId);

    Optional<Invoice> findByCustomerIdAndPeriodFromAndPeriodToAndKindAndCreditedFalse(long customerId, LocalDate from, LocalDate to,
            Invoice.Kind kind);

    List<Invoice> findByCustomerIdAndKindAndCreditedFalseOrderByPeriodFrom(long customerId, Invoice.Kind kind);
}
