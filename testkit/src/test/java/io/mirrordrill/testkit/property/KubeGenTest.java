package io.mirrordrill.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KubeGenTest {
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    @Test
    void namesAreDns1123LabelsOfAtMost63Characters() {
        Property.forAll(KubeGen.names()).check(name -> {
            assertTrue(DNS1123_LABEL.matcher(name).matches(), name);
            assertTrue(name.length() <= 63, name);
        });
    }

    @Test
    void labelKeysAreAnOptionalSubdomainPrefixAndAQualifiedName() {
        Property.forAll(KubeGen.labelKeys()).check(key -> {
            int slash = key.indexOf('/');
            String name = key.substring(slash + 1);
            assertTrue(QUALIFIED_NAME.matcher(name).matches() && name.length() <= 63, key);
            if (slash >= 0) {
                String prefix = key.substring(0, slash);
                assertTrue(prefix.length() <= 253, key);
                for (String part : prefix.split("\\.", -1)) {
                    assertTrue(DNS1123_LABEL.matcher(part).matches(), key);
                }
            }
        });
    }

    @Test
    void labelValuesAreEmptyOrQualifiedNames() {
        Property.forAll(KubeGen.labelValues()).check(value ->
                assertTrue(value.isEmpty() || QUALIFIED_NAME.matcher(value).matches() && value.length() <= 63, value));
    }

    @Test
    void theSimplestNameIsASingleLetter() {
        assertEquals("a", KubeGen.names().generate(Choices.replaying(new long[0])));
    }
}
