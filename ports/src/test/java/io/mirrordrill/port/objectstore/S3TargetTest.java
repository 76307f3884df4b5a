package io.mirrordrill.port.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S3TargetTest {
    @Test
    void to_string_and_describe_show_no_credential_value_nor_proxy_password() {
        S3Target t = new S3Target("https://user:endpoint-pass@s3.example:9000/", "bkt", null, true, false,
                "-----BEGIN CERTIFICATE-----", "http://px:proxy-pass@proxy:3128", "AKID-VALUE", "SECRET-VALUE",
                "TOKEN-VALUE");
        for (String text : new String[] {t.toString(), t.describe()}) {
            for (String secret : new String[] {"AKID-VALUE", "SECRET-VALUE", "TOKEN-VALUE", "proxy-pass",
                "endpoint-pass", "BEGIN CERTIFICATE"}) {
                assertFalse(text.contains(secret), text);
            }
        }
        assertTrue(t.toString().contains("proxy:3128"));
        assertEquals("us-east-1", t.region());
    }

    @Test
    void the_host_of_an_endpoint_ignores_scheme_user_port_path_and_case() {
        assertEquals("s3.example", S3Target.hostOf("S3.Example"));
        assertEquals("s3.example", S3Target.hostOf("s3.example:9000"));
        assertEquals("s3.example", S3Target.hostOf("https://u:p@s3.example:443/path"));
        assertEquals("[::1]", S3Target.hostOf("http://[::1]:9000"));
    }
}
