package io.mirrordrill.engine;

import io.mirrordrill.engine.port.Clock;
import io.mirrordrill.engine.port.Scheduler;
import io.mirrordrill.engine.port.exec.PodExecPort;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.engine.port.ontap.OntapConnector;

/** Everything one engine instance talks to: its own cluster, the storage, the AppVault buckets, and time. */
public record EnginePorts(KubernetesPort kubernetes, OntapConnector ontap, ObjectStoreConnector objectStores,
                          PodExecPort exec, Clock clock, Scheduler scheduler) {}
