package io.mirrordrill.port.element;

/** A volume's quality of service: {@code {"minIOPS","maxIOPS","burstIOPS"}}. */
public record Qos(long minIOPS, long maxIOPS, long burstIOPS) {
    /** Element's defaults for a volume created without QoS. */
    public static final Qos DEFAULT = new Qos(50, 15000, 15000);
}
