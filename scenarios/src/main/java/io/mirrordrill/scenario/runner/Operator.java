package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.world.SimCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The person running the drill, with kubectl: applies the drill's files (templates filled in), patches and deletes,
 * only on clusters whose site is up. Notes what outputs must never show (Secret values) and every failover request.
 */
final class Operator {
    private final Estate estate;
    private final Vars vars;
    private final Promotions promotions;

    Operator(Estate estate, Vars vars, Promotions promotions) {
        this.estate = estate;
        this.vars = vars;
        this.promotions = promotions;
    }

    /** {@code kubectl apply -f file -n namespace}; returns the documents applied. */
    List<Document> apply(String cluster, Path file, String namespace) {
        SimCluster c = estate.reachableCluster(cluster);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String rendered = vars.render(text);
        List<Document> docs = ProtectYaml.parse(file.toString(), rendered);
        for (Document d : docs) {
            noteSecrets(d.tree());
            if ("AppMirrorRelationship".equals(d.kind())
                    && "Promoted".equals(d.tree().path("spec").path("desiredState").asText())) {
                String ns = d.namespace() != null ? d.namespace() : namespace;
                promotionRequested(c, ns, d.name(), d.tree());
            }
        }
        c.apply(file.toString(), rendered, namespace);
        return docs;
    }

    void patch(Ref ref, ObjectNode merge) {
        Ref r = vars.render(ref);
        SimCluster c = estate.reachableCluster(r.cluster());
        String rendered = vars.render(merge.toString());
        JsonNode patch = readJson(rendered);
        if ("AppMirrorRelationship".equals(r.kind())
                && "Promoted".equals(patch.path("spec").path("desiredState").asText())) {
            JsonNode current = c.api().get(r.apiVersion(), r.kind(), r.namespace(), r.name())
                    .<JsonNode>map(Resources::toTree).orElse(patch);
            promotionRequested(c, r.namespace(), r.name(), current);
        }
        c.api().patch(r.apiVersion(), r.kind(), r.namespace(), r.name(), rendered);
    }

    void delete(Ref ref) {
        Ref r = vars.render(ref);
        estate.reachableCluster(r.cluster()).api().delete(r.apiVersion(), r.kind(), r.namespace(), r.name());
    }

    Optional<JsonNode> get(Ref ref) {
        return vars.object(vars.render(ref));
    }

    private static JsonNode readJson(String text) {
        try {
            return Resources.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failover asked for, by a step of the drill or a command of a runbook step ({@link ShSteps}). */
    void promotionRequested(SimCluster c, String namespace, String name, JsonNode amr) {
        Map<String, NamespaceMetadata> before = new TreeMap<>();
        for (JsonNode m : amr.path("spec").path("namespaceMapping")) {
            String dst = m.path("destination").asText();
            before.put(dst, c.get("v1", "Namespace", null, dst).map(NamespaceMetadata::fromNamespace)
                    .orElse(NamespaceMetadata.empty(dst)));
        }
        promotions.add(new Promotions.Request(c.name(), namespace, name, estate.world().now(), before));
    }

    /** Secret values from {@code data} (base64) and {@code stringData}. */
    private void noteSecrets(JsonNode doc) {
        if (!"Secret".equals(doc.path("kind").asText())) {
            return;
        }
        doc.path("stringData").fields().forEachRemaining(e -> estate.addSecret(e.getValue().asText()));
        doc.path("data").fields().forEachRemaining(e -> estate.redactor().learnBase64(e.getValue().asText()));
    }
}
