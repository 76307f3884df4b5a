package io.mirrordrill.engine;

import io.mirrordrill.engine.restore.SkipList;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineSettingsTest {
    @Test
    void theHelmValuesOfTheDocumentationGiveTheSkipLists() {
        EngineSettings settings = new EngineSettings(Map.of(), Map.of(
                "restoreSkipNamespaceAnnotations", "annotation1, annotation2",
                "restoreSkipNamespaceLabels", "label1,label2"));
        assertEquals(SkipList.parse("annotation1,annotation2"), settings.skipAnnotations());
        assertEquals(SkipList.parse("label1,label2"), settings.skipLabels());
    }

    @Test
    void aVariableSetInTheControllersEnvironmentWinsOverTheHelmValue() {
        EngineSettings settings = new EngineSettings(
                Map.of("RESTORE_SKIP_NAMESPACE_ANNOTATIONS", "from/env", "RESTORE_SKIP_NAMESPACE_LABELS", ""),
                Map.of("restoreSkipNamespaceAnnotations", "from/helm", "restoreSkipNamespaceLabels", "role"));
        assertEquals(SkipList.parse("from/env"), settings.skipAnnotations());
        assertEquals(SkipList.NONE, settings.skipLabels(), "an empty variable still overrides: it skips nothing");
    }

    @Test
    void aHelmValueAppliesWhereTheEnvironmentSetsOnlyTheOtherList() {
        EngineSettings settings = new EngineSettings(Map.of("RESTORE_SKIP_NAMESPACE_ANNOTATIONS", "a/b"),
                Map.of("restoreSkipNamespaceLabels", "role"));
        assertEquals(SkipList.parse("a/b"), settings.skipAnnotations());
        assertEquals(SkipList.parse("role"), settings.skipLabels());
    }

    @Test
    void withNeitherNothingIsSkipped() {
        assertEquals(SkipList.NONE, EngineSettings.DEFAULT.skipAnnotations());
        assertEquals(SkipList.NONE, EngineSettings.DEFAULT.skipLabels());
    }
}
