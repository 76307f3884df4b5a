package io.mirrordrill.engine.model.yaml;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * Bounds on what a YAML file may cost to read, so a hostile file is refused with a message instead of exhausting
 * memory: total size, size of one document, aliases to collections (the "billion laughs" attack), nesting depth,
 * and nodes after alias expansion (few aliases can still multiply a tree).
 *
 * @param maxChars characters in the whole input
 * @param maxCodePointsPerDocument SnakeYAML's code point limit, checked per document
 * @param maxAliases aliases that point at a mapping or sequence, per document
 * @param maxDepth nesting depth of mappings and sequences
 * @param maxNodes nodes of one document once aliases are expanded
 * @param maxDocuments documents in one input
 */
public record YamlLimits(int maxChars, int maxCodePointsPerDocument, int maxAliases, int maxDepth, int maxNodes,
        int maxDocuments) {

    /** Generous for real manifests (a Kubernetes object is at most ~1.5 MiB in etcd), small for attacks. */
    public static final YamlLimits DEFAULT = new YamlLimits(16 * 1024 * 1024, 3 * 1024 * 1024, 50, 64, 200_000, 10_000);

    public YamlLimits {
        if (maxChars < 1 || maxCodePointsPerDocument < 1 || maxAliases < 0 || maxDepth < 1 || maxNodes < 1
                || maxDocuments < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePointsPerDocument);
        options.setMaxAliasesForCollections(maxAliases);
        options.setNestingDepthLimit(maxDepth);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(true);
        return options;
    }
}
