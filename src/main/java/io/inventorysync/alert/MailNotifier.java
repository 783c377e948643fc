package io.inventorysync.alert;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Plain-text e-mail through Spring Boot's {@link JavaMailSender} (present once {@code spring.mail.host} is set). */
public class MailNotifier implements Notifier {

    private final AlertProperties.Mail settings;
    private final ObjectProvider<JavaMailSender> sender;

    public MailNotifier(AlertProperties.Mail settings, ObjectProvider<JavaMailSender> sender) {
        this.settings = settings;
        this.sender = sender;
    }

    @Override
    public Medium medium() {
        return Medium.MAIL;
    }

    @Override
    public String unavailableReason() {
        if (sender.getIfAvailable() == null) {
            return "no SMTP server configured (spring.mail.host)";
        }
        return settings.getTo().isEmpty() ? "no e-mail recipients configured (inventory-sync.alerts.mail.to)" : null;
    }

    @Override
    public void send(AlertMessage message) throws NotificationFailedException {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.getFrom());
        mail.setTo(settings.getTo().toArray(String[]::new));
        mail.setSubject(message.subject());
        mail.setText(message.text());
        try {
            sender.getObject().send(mail);
        } catch (MailException e) {
            // Spring's mail exceptions name the host, never the password
            throw new NotificationFailedException("SMTP: " + SecretText.describe(e));
        }
    }
}
