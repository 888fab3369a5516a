package io.mixai.dsp.analysis;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}. Reached
 * by reflection because the tests compile inside the io.mixai.dsp module, which does not read
 * java.management; they run on the class path, where the JDK's management beans are visible.
 */
final class SpectraTestAllocation {

    private static final Object BEAN;
    private static final Method ALLOCATED_BYTES;

    static {
        try {
            BEAN = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            ALLOCATED_BYTES = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SpectraTestAllocation() {
    }

    /** Bytes this thread has allocated so far. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
    static long allocatedBytes() {
        try {
            return (Long) ALLOCATED_BYTES.invoke(BEAN, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
