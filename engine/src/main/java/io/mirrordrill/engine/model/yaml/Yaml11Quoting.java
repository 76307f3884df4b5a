package io.mirrordrill.engine.model.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that a YAML 1.1 reader (kubectl's, and ours) would otherwise read as something else:
 * {@code "2024-01-01T00:00:00Z"} (a timestamp), {@code "017"} (octal 15), {@code "1:30"} (base 60), {@code "on"}.
 * Jackson's own check misses some of these; asking the resolver the reader uses cannot.
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || !RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }
}
