package io.inventorysync.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the RFC 3339 {@code timestamp} of an event into an instant, whatever offset notation the source used. */
public final class EventTimestamp {

    private EventTimestamp() {
    }

    /**
     * Parses an RFC 3339 date-time with offset ({@code Z}, {@code z} or {@code +hh:mm}) into the instant it denotes.
     * RFC 3339 allows lower-case {@code t} and {@code z}, which {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does not.
     *
     * @throws DateTimeParseException if the text is not such a date-time, or names a leap second
     */
    public static Instant parse(String rfc3339) {
        return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }
}
