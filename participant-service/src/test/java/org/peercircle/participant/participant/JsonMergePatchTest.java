package org.peercircle.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The examples of RFC 7386, section 3, that matter for a participant record. */
class JsonMergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void replacesMergesAndRemoves() throws Exception {
        JsonNode target = mapper.readTree("""
                {"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},"tags":["example","sample"],
                 "content":"This will be unchanged"}""");
        JsonNode patch = mapper.readTree("""
                {"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}""");
        assertThat(JsonMergePatch.apply(target, patch)).isEqualTo(mapper.readTree("""
                {"title":"Hello!","author":{"givenName":"John"},"tags":["example"],"content":"This will be unchanged",
                 "phoneNumber":"+01-123-456-7890"}"""));
    }

    @Test
    void anObjectPatchOverAMissingMemberCreatesIt() throws Exception {
        assertThat(JsonMergePatch.apply(mapper.readTree("{\"a\":1}"), mapper.readTree("{\"hometown\":{\"city\":\"长沙市\"}}")))
                .isEqualTo(mapper.readTree("{\"a\":1,\"hometown\":{\"city\":\"长沙市\"}}"));
    }

    @Test
    void doesNotChangeItsInput() throws Exception {
        JsonNode target = mapper.readTree("{\"a\":{\"b\":1}}");
        JsonMergePatch.apply(target, mapper.readTree("{\"a\":{\"b\":2}}"));
        assertThat(target).isEqualTo(mapper.readTree("{\"a\":{\"b\":1}}"));
    }
}
