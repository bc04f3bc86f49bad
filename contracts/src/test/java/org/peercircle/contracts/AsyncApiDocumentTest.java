package org.peercircle.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/asyncapi.json is generated from the contracts; a contract change without regenerating it fails here. */
class AsyncApiDocumentTest {

    private static final Path COMMITTED = Path.of("../docs/asyncapi.json");

    @Test
    void committedDocumentMatchesTheContracts() throws Exception {
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(COMMITTED).exists();
        assertThat(Files.readString(COMMITTED))
                .as("docs/asyncapi.json is stale: run the contracts tests with -Dasyncapi.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyEventTypeIsInTheDocument() {
        String doc = AsyncApiDocument.render();
        EventTypes.ALL.forEach(t -> assertThat(doc).contains("\"name\" : \"" + t.name() + "\""));
    }
}
