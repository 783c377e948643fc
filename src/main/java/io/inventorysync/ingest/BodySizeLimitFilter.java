package io.inventorysync.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a webhook body whose declared length is over the limit before anything reads it, so an oversized
 * request costs no memory; reads any other body (at most the limit plus one byte, so a chunked body over the limit
 * is refused with 413 too) and refuses it with 400 when it is not UTF-8. The servlet's UTF-8 reader that
 * platform-http hands on fails on such a body during Camel's type conversion, which would answer 500.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final String path;
    private final long maxBodyBytes;

    public BodySizeLimitFilter(String path, long maxBodyBytes) {
        this.path = path;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.setHeader("Connection", "close");
            response.getWriter().write(new WebhookRejectedException(413, WebhookRejectedException.PAYLOAD_TOO_LARGE,
                    "body of " + request.getContentLengthLong() + " bytes is over the limit of " + maxBodyBytes + " bytes")
                    .toJson());
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // not ours to read: the endpoint refuses the media type with 415 (a multipart body must stay unread)
            chain.doFilter(request, response);
            return;
        }
        Utf8BodyRequest buffered;
        try {
            buffered = Utf8BodyRequest.read(request, maxBodyBytes);
        } catch (CharacterCodingException notUtf8) {
            refuse(response, new WebhookRejectedException(400, WebhookRejectedException.MALFORMED_JSON,
                    "the body is not valid UTF-8 (JSON must be)"));
            return;
        }
        if (buffered == null) {
            refuse(response, new WebhookRejectedException(413, WebhookRejectedException.PAYLOAD_TOO_LARGE,
                    "the body is over the limit of " + maxBodyBytes + " bytes"));
            return;
        }
        chain.doFilter(buffered, response);
    }

    private static void refuse(HttpServletResponse response, WebhookRejectedException rejected) throws IOException {
        response.setStatus(rejected.httpStatus());
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        response.getWriter().write(rejected.toJson());
    }
}
