package io.mirrordrill.engine;

import io.mirrordrill.port.Clock;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.ontap.OntapConnector;

/** Everything one engine instance talks to: its own cluster, the storage, the AppVault buckets, and time. */
public record EnginePorts(KubernetesPort kubernetes, OntapConnector ontap, ObjectStoreConnector objectStores,
                          PodExecPort exec, Clock clock, Scheduler scheduler) {}
