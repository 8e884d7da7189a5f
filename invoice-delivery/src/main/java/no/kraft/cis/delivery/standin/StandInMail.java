package no.kraft.cis.delivery.standin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The stand-ins of the local profile and the tests: GreenMail, a real SMTP server in the JVM (it speaks SMTP and
 * refuses what a server refuses), on {@code cis.stand-ins.smtp-port} (0: any free port), with our mail sender pointed at
 * it; and the Peppol access point provider ({@link PeppolAccessPointStandIn}) with our client pointed at it. A real mail
 * server is configured with {@code spring.mail.*}, a real access point with {@code cis.invoice.peppol.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cis.stand-ins.enabled", havingValue = "true")
public class StandInMail {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail standInSmtp(@Value("${cis.stand-ins.smtp-port:0}") int port, @Value("${cis.stand-ins.imap-port:0}") int imapPort)
            throws java.io.IOException {
        // free ports chosen once, so the server comes back on the same ones when stopped and started (a test of an outage)
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(port == 0 ? free() : port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort == 0 ? free() : imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.setUser(BOUNCES, BOUNCES, BOUNCES_PASSWORD);
        return mail;
    }

    /** Our bounce mailbox on the stand-in (the envelope sender of invoice e-mails). */
    public static final String BOUNCES = "bounces@kraft.example";
    static final String BOUNCES_PASSWORD = "local-bounces";

    private static int free() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Bean(destroyMethod = "close")
    StandInBounces standInBounces(GreenMail mail) {
        return new StandInBounces(mail, BOUNCES, BOUNCES_PASSWORD);
    }

    @Bean
    no.kraft.cis.delivery.distribution.BounceMailbox standInBounceMailbox(GreenMail mail) {
        return new no.kraft.cis.delivery.distribution.BounceMailbox("127.0.0.1", mail.getImap().getPort(), BOUNCES, BOUNCES_PASSWORD);
    }

    @Bean(destroyMethod = "close")
    PeppolAccessPointStandIn peppolAccessPointStandIn(@Value("${cis.stand-ins.peppol-port:0}") int port) throws java.io.IOException {
        return new PeppolAccessPointStandIn(port, "local-peppol-key");
    }

    @Bean
    no.kraft.cis.delivery.peppol.PeppolAccessPoint standInPeppolAccessPoint(PeppolAccessPointStandIn standIn) {
        return new no.kraft.cis.delivery.peppol.PeppolAccessPoint("http://127.0.0.1:" + standIn.port(), "local-peppol-key");
    }

    static final SmsGatewayStandIn.Account SMS_ACCOUNT = new SmsGatewayStandIn.Account("kraft-local", "local-sms-secret", "COMMON_API",
            "kraft-partner");

    @Bean(destroyMethod = "close")
    SmsGatewayStandIn smsGatewayStandIn(@Value("${cis.stand-ins.sms-port:0}") int port) throws java.io.IOException {
        return new SmsGatewayStandIn(port, SMS_ACCOUNT);
    }

    @Bean
    no.kraft.cis.delivery.sms.SmsGateway standInSmsGateway(SmsGatewayStandIn standIn) {
        return new no.kraft.cis.delivery.sms.SmsGateway(new no.kraft.cis.delivery.sms.SmsGateway.Settings(standIn.baseUrl(),
                SMS_ACCOUNT.username(), SMS_ACCOUNT.password(), SMS_ACCOUNT.platformId(), SMS_ACCOUNT.platformPartnerId(), "Kraft",
                java.util.List.of(), java.time.Duration.ofSeconds(10)));
    }

    @Bean
    JavaMailSender standInMailSender(GreenMail smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        // the envelope sender: where the receiving servers send their bounces
        java.util.Properties props = new java.util.Properties();
        props.put("mail.smtp.from", BOUNCES);
        sender.setJavaMailProperties(props);
        return sender;
    }
}
