package io.mirrordrill.testkit.property;

/** Generators of Kubernetes names and label keys and values, valid by the API machinery's validation rules. */
public final class KubeGen {
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = LOWER_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private KubeGen() {
    }

    /** DNS-1123 labels (namespace and most object names): [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters. */
    public static Gen<String> names() {
        return names(63);
    }

    public static Gen<String> names(int maxLength) {
        return bounded(LOWER_ALNUM, "-", maxLength);
    }

    /** Qualified names, the part of a label key after the prefix, and non-empty label values. */
    public static Gen<String> qualifiedNames() {
        return bounded(ALNUM, "-_.", 63);
    }

    /** Label keys: an optional DNS-subdomain prefix and '/', then a qualified name. */
    public static Gen<String> labelKeys() {
        Gen<String> subdomain = Gen.lists(names(20), 1, 3).map(parts -> String.join(".", parts));
        Gen<String> prefix = Gen.frequency(Gen.Weighted.of(2, Gen.constant("")),
                Gen.Weighted.of(1, subdomain.map(s -> s + "/")));
        return Gen.zip(prefix, qualifiedNames(), String::concat);
    }

    /** Label values: empty, or a qualified name. */
    public static Gen<String> labelValues() {
        return Gen.frequency(Gen.Weighted.of(1, Gen.constant("")), Gen.Weighted.of(5, qualifiedNames()));
    }

    /** Alphanumeric at both ends, inner characters also from {@code inner}; the simplest is "a". */
    private static Gen<String> bounded(String ends, String inner, int maxLength) {
        Gen<String> middle = Gen.strings(ends + inner, 0, maxLength - 2);
        Gen<String> last = Gen.strings(ends, 0, 1);
        return Gen.zip(Gen.strings(ends, 1, 1), middle, last, (first, mid, end) ->
                end.isEmpty() ? first + stripTrailing(mid, inner) : first + mid + end);
    }

    private static String stripTrailing(String s, String inner) {
        int end = s.length();
        while (end > 0 && inner.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
