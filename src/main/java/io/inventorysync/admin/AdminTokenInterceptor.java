package io.inventorysync.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/** Guards the admin API with a bearer token (constant-time compare); without a configured token it stays closed. */
public class AdminTokenInterceptor implements HandlerInterceptor {

    private final byte[] token;

    public AdminTokenInterceptor(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (token == null) {
            return deny(response, 503, "admin API disabled: set inventory-sync.admin.token");
        }
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            return deny(response, 401, "missing or wrong admin bearer token");
        }
        return true;
    }

    private static boolean deny(HttpServletResponse response, int status, String reason) throws Exception {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + reason + "\"}");
        return false;
    }
}
