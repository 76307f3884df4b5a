package io.mirrordrill.emulator.ontap;

/** One side of a relationship: a volume ({@code svm:vol}) or, for SVM-DR, a whole SVM ({@code svm:}). */
record Endpoint(Svm svm, Volume volume) {
    String path() {
        return svm.name + ":" + (volume == null ? "" : volume.name);
    }

    OntapCluster cluster() {
        return svm.cluster;
    }

    boolean isSvm() {
        return volume == null;
    }

    boolean sameAs(Endpoint other) {
        return svm == other.svm && volume == other.volume;
    }
}
