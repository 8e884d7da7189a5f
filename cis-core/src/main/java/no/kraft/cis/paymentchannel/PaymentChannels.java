package no.kraft.cis.paymentchannel;

import java.sql.Timestamp;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerKind;
import no.kraft.cis.rule.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's payment channel, and the rules for choosing one: EHF only for an organisation that is in the Peppol
 * list and accepts invoices; eFaktura only for private customers (organisations get EHF); e-mail only with an e-mail
 * address on the customer.
 */
@Service
@Transactional
public class PaymentChannels {

    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final PeppolParticipants peppol;

    PaymentChannels(JdbcClient jdbc, AuditStamp audit, PeppolParticipants peppol) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.peppol = peppol;
    }

    @Transactional(readOnly = true)
    public ChannelChoice of(Customer customer) {
        Optional<PaymentChannel> chosen = jdbc.sql("select channel from customer_payment_channel where customer_id = :id")
                .param("id", customer.id()).query(String.class).optional().map(PaymentChannel::valueOf);
        if (chosen.isPresent()) {
            return new ChannelChoice(chosen.get(), true);
        }
        if (receivesEhf(customer)) {
            return new ChannelChoice(PaymentChannel.EHF, false);
        }
        return new ChannelChoice(customer.contact().email() != null ? PaymentChannel.EMAIL_PDF : PaymentChannel.PAPER, false);
    }

    public ChannelChoice choose(Customer customer, PaymentChannel channel) {
        switch (channel) {
            case EHF -> {
                if (customer.kind() != CustomerKind.ORGANISATION) {
                    throw new ConflictException("channel", "paymentChannel.ehfForOrganisations", "EHF is for organisations only");
                }
                if (!receivesEhf(customer)) {
                    throw new ConflictException("channel", "paymentChannel.notInPeppol",
                            "the organisation is not in the Peppol participant list as a receiver of invoices");
                }
            }
            case EFAKTURA -> {
                if (customer.kind() != CustomerKind.PRIVATE) {
                    throw new ConflictException("channel", "paymentChannel.efakturaForPrivate",
                            "eFaktura is for private customers; organisations receive EHF");
                }
            }
            case EMAIL_PDF -> {
                if (customer.contact().email() == null) {
                    throw new ConflictException("channel", "paymentChannel.emailMissing", "the customer has no e-mail address");
                }
            }
            case AVTALEGIRO, PAPER -> {
            }
        }
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into customer_payment_channel (customer_id, channel, version, created_at, created_by, updated_at, updated_by)
                        values (:id, :channel, 0, :now, :actor, :now, :actor)
                        on conflict (customer_id) do update set channel = excluded.channel, version = customer_payment_channel.version + 1,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("id", customer.id()).param("channel", channel.name()).param("now", now).param("actor", audit.actor()).update();
        return new ChannelChoice(channel, true);
    }

    private boolean receivesEhf(Customer customer) {
        return customer.identity() instanceof CustomerIdentity.Organisation organisation
                && peppol.find(organisation.organisationNumber()).map(PeppolParticipant::acceptsInvoice).orElse(false);
    }
}
