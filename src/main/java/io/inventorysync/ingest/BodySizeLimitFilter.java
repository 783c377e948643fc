package io.inventorysync.ingest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a webhook body whose declared length is over the limit before anything reads it, so an oversized
 * request costs no memory. Bodies without a declared length are still measured by {@link WebhookIntake}.
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
        chain.doFilter(request, response);
    }
}
