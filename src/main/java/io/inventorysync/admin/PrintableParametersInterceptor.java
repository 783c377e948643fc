package io.inventorysync.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses admin requests whose query parameters hold control characters (400): they end up in PostgreSQL filters,
 * which refuse a NUL with an error that would otherwise surface as a 500. No stage, reason, supplier or channel
 * name contains one.
 */
public class PrintableParametersInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!isPrintable(value)) {
                    response.setStatus(400);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"status\":400,\"error\":\"query parameter '"
                            + parameter.getKey().replaceAll("[^A-Za-z0-9_-]", "?")
                            + "' contains control characters\"}");
                    return false;
                }
            }
        }
        return true;
    }

    /** No control character (C0, DEL, C1) and no unpaired surrogate. */
    static boolean isPrintable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
