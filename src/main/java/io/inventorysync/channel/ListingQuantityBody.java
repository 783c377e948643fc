package io.inventorysync.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a channel producer's body into {@link ListingQuantity} items: a List of ListingQuantity or of maps
 * ({@code {"sku","listing":{...channel ids...},"quantity","expectedQuantity"}}), a single one of those, or the same
 * as JSON text (String, byte[], InputStream). Every channel sink accepts the same shapes.
 */
public final class ListingQuantityBody {

    private static final TypeReference<List<ListingQuantity>> LIST = new TypeReference<>() { };
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final String component;

    /** @param component the Camel component reading it, named in error messages */
    public ListingQuantityBody(String component) {
        this.component = component;
    }

    public List<ListingQuantity> read(Object body) throws IOException {
        if (body == null) {
            return List.of();
        }
        if (body instanceof ListingQuantity item) {
            return List.of(item);
        }
        if (body instanceof List<?> list) {
            List<ListingQuantity> items = new ArrayList<>(list.size());
            for (Object element : list) {
                items.add(element instanceof ListingQuantity item ? item : convert(element));
            }
            return items;
        }
        if (body instanceof Map<?, ?> map) {
            return List.of(convert(map));
        }
        String text;
        if (body instanceof byte[] bytes) {
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } else if (body instanceof InputStream in) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (body instanceof CharSequence chars) {
            text = chars.toString();
        } else {
            throw new IllegalArgumentException(component + " cannot read a body of type " + body.getClass().getName()
                    + "; send a List of ListingQuantity (or maps) or its JSON");
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return trimmed.startsWith("[") ? json.readValue(trimmed, LIST) : List.of(json.readValue(trimmed, ListingQuantity.class));
    }

    private ListingQuantity convert(Object element) {
        if (!(element instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a ListingQuantity or a map, got " + element);
        }
        return json.convertValue(element, ListingQuantity.class);
    }
}
