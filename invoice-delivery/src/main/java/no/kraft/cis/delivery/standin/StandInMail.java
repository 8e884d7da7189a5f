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
    GreenMail standInSmtp(@Value("${cis.stand-ins.smtp-port:0}") int port) throws java.io.IOException {
        int chosen = port;
        if (chosen == 0) {
            // a free port chosen once, so the server comes back on the same one when stopped and started (a test of an outage)
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                chosen = free.getLocalPort();
            }
        }
        return new GreenMail(new ServerSetup(chosen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
        return sender;
    }
}
