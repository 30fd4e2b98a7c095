package io.benefitledger.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application context at a database of its own on the tests' PostgreSQL. */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.newDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                // tests mint their callers' tokens; with an external database local mode must be asked for
                "ledger.security.mode=local",
                // tests record histories at instants of their choosing; the deadlines they set are sent by the tests
                // that drive time (DeadlineRunner.runDue), not by the wall clock at random moments of other tests
                "ledger.deadlines.polling=false",
                // likewise the mails: tests that configure a mail server send the outbox at instants of their choosing
                "ledger.mail.polling=false"
        ).applyTo(context);
    }
}
