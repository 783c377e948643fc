package io.inventorysync.fuzz;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Attaches {@link LogCapture} again once Spring Boot has configured Logback (which drops every appender it did not
 * configure), before the context creates any bean: everything the application logs from then on is captured.
 */
class LogCaptureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LogCapture.get().attach();
    }
}
