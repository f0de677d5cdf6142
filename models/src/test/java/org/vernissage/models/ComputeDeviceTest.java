package org.vernissage.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComputeDeviceTest {

    @Test
    void cudaIsTakenOnlyWhenTheRuntimeReportsItAndTheUserDidNotAskForTheCpu() {
        assertEquals(ComputeDevice.CUDA, ComputeDevice.AUTO.resolve(true));
        assertEquals(ComputeDevice.CPU, ComputeDevice.AUTO.resolve(false));
        assertEquals(ComputeDevice.CPU, ComputeDevice.CPU.resolve(true));
        assertEquals(ComputeDevice.CUDA, ComputeDevice.CUDA.resolve(true));
        assertEquals(ComputeDevice.CPU, ComputeDevice.CUDA.resolve(false), "asked for CUDA without one: the CPU");
    }

    @Test
    void theSystemPropertyChoosesAndAnythingElseMeansAuto() {
        String before = System.getProperty(ComputeDevice.PROPERTY);
        try {
            System.setProperty(ComputeDevice.PROPERTY, "cpu");
            assertEquals(ComputeDevice.CPU, ComputeDevice.requested());
            System.setProperty(ComputeDevice.PROPERTY, "CUDA");
            assertEquals(ComputeDevice.CUDA, ComputeDevice.requested());
            System.setProperty(ComputeDevice.PROPERTY, "tpu");
            assertEquals(ComputeDevice.AUTO, ComputeDevice.requested());
        } finally {
            if (before == null) {
                System.clearProperty(ComputeDevice.PROPERTY);
            } else {
                System.setProperty(ComputeDevice.PROPERTY, before);
            }
        }
    }
}
