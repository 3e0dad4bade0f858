package io.tributary.connection;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.net.URI;

/** Stores a URI as its text; the text was written from a checked URI, so reading it back cannot fail. */
@Converter
class UriColumn implements AttributeConverter<URI, String> {
    @Override
    public String convertToDatabaseColumn(URI uri) {
        return uri == null ? null : uri.toString();
    }

    @Override
    public URI convertToEntityAttribute(String text) {
        return text == null ? null : URI.create(text);
    }
}
