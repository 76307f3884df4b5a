package io.mirrordrill.engine.amr;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;

import java.util.Collection;
import java.util.List;

/**
 * Stops an application before its volumes are taken over by SnapMirror: deletes what runs (workloads and bare
 * pods) in its namespaces and keeps everything else — claims, configuration, services — so data and settings stay.
 */
final class AppStopper {
    private static final List<String[]> WORKLOADS = List.of(
            new String[] {"apps/v1", "Deployment"}, new String[] {"apps/v1", "StatefulSet"},
            new String[] {"apps/v1", "DaemonSet"}, new String[] {"apps/v1", "ReplicaSet"},
            new String[] {"batch/v1", "CronJob"}, new String[] {"batch/v1", "Job"}, new String[] {"v1", "Pod"});

    private final KubernetesPort kube;

    AppStopper(KubernetesPort kube) {
        this.kube = kube;
    }

    /** Deletes the workloads; true once no pod is left in the namespaces. */
    boolean stop(Collection<String> namespaces) {
        boolean podsLeft = false;
        for (String ns : namespaces) {
            for (String[] kind : WORKLOADS) {
                for (GenericKubernetesResource r : kube.list(kind[0], kind[1], ns, LabelSelector.everything())) {
                    if (kind[1].equals("Pod")) {
                        podsLeft = true;
                    }
                    if (r.getMetadata().getDeletionTimestamp() == null) {
                        try {
                            kube.delete(kind[0], kind[1], ns, r.getMetadata().getName());
                        } catch (NotFoundException gone) {
                            // deleted meanwhile: what we wanted
                        }
                    }
                }
            }
        }
        return !podsLeft;
    }
}
