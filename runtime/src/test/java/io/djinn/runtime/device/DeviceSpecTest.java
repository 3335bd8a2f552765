package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.api.UsageException;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    @Test
    void namesUsersTypeAreUnderstood() {
        assertEquals(DeviceSpec.CPU, DeviceSpec.parse("cpu"));
        assertEquals(DeviceSpec.CPU, DeviceSpec.parse(" CPU "));
        assertEquals(DeviceSpec.AUTO, DeviceSpec.parse("auto"));
        assertEquals(DeviceSpec.gpu(0), DeviceSpec.parse("gpu"));
        assertEquals(DeviceSpec.gpu(1), DeviceSpec.parse("gpu:1"));
        assertEquals(DeviceSpec.gpu(3), DeviceSpec.parse("gpu(3)"));
        assertEquals(DeviceSpec.gpu(0), DeviceSpec.parse("cuda"));
        assertEquals(DeviceSpec.gpu(2), DeviceSpec.parse("cuda:2"));
        assertEquals("gpu:2", DeviceSpec.parse("cuda:2").toString());
    }

    @Test
    void anythingElseIsAUsageErrorThatListsTheChoices() {
        for (String bad : new String[] {"", "tpu", "gpu:", "gpu:-1", "gpu(1", "gpu:x", "cpu:0", "gpu 1"}) {
            UsageException error = assertThrows(UsageException.class, () -> DeviceSpec.parse(bad), bad);
            assertTrue(error.getMessage().contains("use cpu, gpu, gpu:N (N counts from 0) or auto"), error.getMessage());
        }
    }
}
