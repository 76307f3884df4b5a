package io.mirrordrill.adapter.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OntapRestConnectorTest {
    private final Map<String, OntapCredentials> byLif = Map.of(
            "10.0.0.5", OntapCredentials.of("admin", "Lif-One-Secret"),
            "cluster2.example.com:8443", OntapCredentials.of("vsadmin", "Lif-Two-Secret"));

    @Test
    void a_management_lif_becomes_an_https_base_url_with_that_lifs_credentials() {
        OntapRestConnector connector = new OntapRestConnector(byLif::get, b -> b.requestTimeout(Duration.ofSeconds(5)));

        OntapRestConfig one = connector.config("10.0.0.5");
        OntapRestConfig two = connector.config("cluster2.example.com:8443");

        assertEquals("https://10.0.0.5", one.baseUri().toString());
        assertEquals("admin", one.username());
        assertEquals("https://cluster2.example.com:8443", two.baseUri().toString());
        assertEquals("vsadmin", two.username());
        assertEquals(Duration.ofSeconds(5), two.requestTimeout());
    }

    @Test
    void one_port_per_lif_is_kept() {
        OntapRestConnector connector = new OntapRestConnector(byLif::get);

        assertSame(connector.connect("10.0.0.5"), connector.connect("10.0.0.5"));
    }

    @Test
    void a_lif_without_credentials_is_refused_naming_the_lif_and_no_password() {
        OntapRestConnector connector = new OntapRestConnector(byLif::get);

        OntapConfigException e = assertThrows(OntapConfigException.class, () -> connector.connect("10.9.9.9"));

        assertTrue(e.getMessage().contains("10.9.9.9"), e.getMessage());
        assertFalse(e.getMessage().contains("Secret"), e.getMessage());
        assertThrows(OntapConfigException.class, () -> connector.connect(" "));
    }

    @Test
    void an_address_mapping_sends_a_lif_elsewhere_with_the_lifs_own_credentials() {
        Map<String, String> tunnel = Map.of("10.0.0.5", "http://127.0.0.1:18443");
        OntapRestConnector connector = new OntapRestConnector(byLif::get,
                lif -> tunnel.getOrDefault(lif, lif), b -> b);

        OntapRestConfig mapped = connector.config("10.0.0.5");
        OntapRestConfig direct = connector.config("cluster2.example.com:8443");

        assertEquals("http://127.0.0.1:18443", mapped.baseUri().toString());
        assertEquals("admin", mapped.username());
        assertEquals("https://cluster2.example.com:8443", direct.baseUri().toString());
    }
}
