package io.benefitledger.api.mail;

/** Only a parked mail is retried or discarded by the operator: a pending one is on its way, a sent one is sent. */
public class MailNotParked extends RuntimeException {

    MailNotParked(Outbox.Mail mail) {
        super("mail " + mail.mailId() + " is " + mail.status() + ", not PARKED: only a parked mail is retried or discarded");
    }
}
