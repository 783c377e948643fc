package io.inventorysync.alert;

/**
 * What a medium sends: e-mail uses subject and text, chat the subject as its headline and the text below it, SMS
 * the short form (one line).
 */
public record AlertMessage(String subject, String text, String shortText) {
}
