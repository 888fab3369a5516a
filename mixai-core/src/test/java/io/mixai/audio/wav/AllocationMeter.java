package io.mixai.audio.wav;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread (HotSpot's {@code com.sun.management.ThreadMXBean}).
 * Reached by reflection because the test sources compile inside the module io.mixai.core,
 * which does not (and should not) read java.management.
 */
final class AllocationMeter {

    private final Object bean;
    private final Method allocatedBytes;

    AllocationMeter() {
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            allocatedBytes = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this test needs HotSpot's thread allocation counter", e);
        }
    }

    long allocatedBytes() {
        try {
            return (Long) allocatedBytes.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
