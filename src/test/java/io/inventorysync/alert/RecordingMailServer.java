package io.inventorysync.alert;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real local SMTP server (GreenMail, on a free port) that keeps every mail the alert ladder sends. */
final class RecordingMailServer implements AutoCloseable {

    private final GreenMail smtp;

    private RecordingMailServer(GreenMail smtp) {
        this.smtp = smtp;
    }

    static RecordingMailServer start() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return new RecordingMailServer(smtp);
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** The mails received so far whose subject contains {@code marker} (a monitor id, say), oldest first. */
    List<MimeMessage> mails(String marker) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(marker)).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
