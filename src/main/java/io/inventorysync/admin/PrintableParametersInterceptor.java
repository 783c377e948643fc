package io.inventorysync.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import io.inventorysync.event.PrintableText;

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
                if (!PrintableText.isPrintable(value)) {
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
}
