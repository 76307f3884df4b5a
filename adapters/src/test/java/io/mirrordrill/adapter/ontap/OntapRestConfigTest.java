package io.mirrordrill.adapter.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OntapRestConfigTest {
    private static OntapRestConfig config(String url) {
        return OntapRestConfig.builder().baseUrl(url).credentials("admin", "Top-Secret-9").build();
    }

    @Test
    void a_host_or_management_lif_without_a_scheme_becomes_an_https_base_url() {
        assertEquals("https://10.0.0.5", config("10.0.0.5").baseUri().toString());
        assertEquals("https://cluster1.example.com:8443", config("cluster1.example.com:8443").baseUri().toString());
        assertEquals("https://[fd00::5]", config("fd00::5").baseUri().toString());
        assertEquals("https://cluster1:443", config("https://cluster1:443/").baseUri().toString());
    }

    @Test
    void plain_http_is_accepted_for_loopback_hosts_only() {
        assertEquals("http://127.0.0.1:8080", config("http://127.0.0.1:8080").baseUri().toString());
        assertEquals("http://localhost:1", config("http://localhost:1").baseUri().toString());
        assertEquals("http://[::1]:9", config("http://[::1]:9").baseUri().toString());

        OntapConfigException e = assertThrows(OntapConfigException.class, () -> config("http://10.0.0.5"));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertThrows(OntapConfigException.class, () -> config("http://127.example.com"));
    }

    @Test
    void a_base_url_with_credentials_a_path_a_query_or_another_scheme_is_refused() {
        for (String url : List.of("https://admin:pw@cluster1", "https://cluster1/api", "https://cluster1?x=1",
                "ftp://cluster1", "https://")) {
            assertThrows(OntapConfigException.class, () -> config(url), url);
        }
    }

    @Test
    void missing_credentials_and_non_positive_timeouts_are_refused() {
        assertThrows(OntapConfigException.class, () -> OntapRestConfig.builder().baseUrl("cluster1").build());
        assertThrows(OntapConfigException.class, () -> OntapCredentials.of("admin", ""));
        assertThrows(OntapConfigException.class, () -> OntapCredentials.of("ad:min", "pw"));
        assertThrows(OntapConfigException.class, () -> OntapRestConfig.builder().baseUrl("cluster1")
                .credentials("admin", "pw").requestTimeout(Duration.ZERO).build());
    }

    @Test
    void the_password_appears_in_no_string_form() {
        OntapRestConfig config = OntapRestConfig.builder().baseUrl("cluster1").credentials("admin", "Top-Secret-9")
                .skipCertValidation(true).build();

        for (String text : List.of(config.toString(), config.credentials().toString(),
                new OntapRestPort(config).toString())) {
            assertFalse(text.contains("Top-Secret-9"), text);
            assertTrue(text.contains("cluster1") || text.contains("admin"), text);
        }
    }

    @Test
    void an_unreadable_root_ca_is_refused_when_connecting_naming_the_field() {
        OntapRestConfig config = OntapRestConfig.builder().baseUrl("cluster1").credentials("admin", "Top-Secret-9")
                .rootCA("-----BEGIN CERTIFICATE-----").build();

        OntapConfigException e = assertThrows(OntapConfigException.class, () -> new OntapRestPort(config));

        assertTrue(e.getMessage().startsWith("rootCA"), e.getMessage());
    }
}
