package io.inventorysync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The pack as a Spring Boot application: routes from {@code routes/}, connectors from {@code connectors/}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InventorySyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventorySyncApplication.class, args);
    }
}
