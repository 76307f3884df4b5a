package io.mirrordrill.emulator.k8s.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Capacities read as kubectl prints a real provisioner's: canonical binary-SI quantities. */
class ProvisionerQuantityTest {
    @Test
    void capacitiesAreCanonicalBinaryQuantities() {
        assertEquals("2Gi", Provisioner.binaryQuantity(2L << 30));
        assertEquals("1536Mi", Provisioner.binaryQuantity(1536L << 20));
        assertEquals("1Ti", Provisioner.binaryQuantity(1L << 40));
        assertEquals("1000", Provisioner.binaryQuantity(1000));
        assertEquals("0", Provisioner.binaryQuantity(0));
    }
}
