package io.tributary.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SPI package stays free of Hibernate, OkHttp and Quartz, so connectors depend on the SPI alone. */
class SpiDependencyTest {
    @Test
    void spiSourcesImportNoFrameworks() throws IOException {
        Path spi = Path.of("src/main/java/io/tributary/spi");
        List<String> offending;
        try (Stream<Path> files = Files.list(spi)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(l -> l.matches("import (static )?(okhttp3|okio|org\\.hibernate|jakarta\\.persistence|org\\.quartz)\\..*"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(spi.resolve("Connector.java")).exists();
        assertThat(offending).isEmpty();
    }
}
