package no.kraft.cis.e2e;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** An {@link InvoicingApiTest} whose mail goes to the SMTP stand-in (GreenMail), started before each test if it is not. */
abstract class MailingApiTest extends InvoicingApiTest {

    @Autowired
    protected GreenMail smtp;

    @BeforeEach
    void smtpRunning() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }
}
