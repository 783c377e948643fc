package io.inventorysync.admin;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the OpenAPI document and the event JSON Schema, so integrators read the contract from the running pack. */
@RestController
public class ApiDocumentController {

    @GetMapping("/api/v1/openapi.yaml")
    public ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource("openapi/inventory-sync-api.yaml"));
    }

    @GetMapping("/api/v1/schemas/inventory-event.schema.json")
    public ResponseEntity<Resource> eventSchema() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new ClassPathResource("schemas/inventory-event.schema.json"));
    }
}
