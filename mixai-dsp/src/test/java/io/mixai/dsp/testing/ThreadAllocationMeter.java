package io.mixai.dsp.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads the current thread's allocated-bytes counter
 * ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}). The test sources are
 * compiled into module {@code io.mixai.dsp}, which does not read {@code java.management}, so
 * the bean is reached reflectively once and then called through a method handle typed
 * {@code (Object, long) -> long}: no boxing, so reading the counter allocates nothing itself.
 */
public final class ThreadAllocationMeter {

    private final Object bean;
    private final MethodHandle allocatedBytes;
    private final long threadId = Thread.currentThread().getId();

    public ThreadAllocationMeter() {
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            allocatedBytes = MethodHandles.publicLookup()
                    .findVirtual(Class.forName("com.sun.management.ThreadMXBean"), "getThreadAllocatedBytes",
                            MethodType.methodType(long.class, long.class))
                    .asType(MethodType.methodType(long.class, Object.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach the thread allocation counter", e);
        }
    }

    /** Bytes allocated so far by the thread that created this meter. */
    public long allocatedBytes() {
        try {
            return (long) allocatedBytes.invokeExact(bean, threadId);
        } catch (Throwable e) {
            throw new AssertionError("cannot read the thread allocation counter", e);
        }
    }
}
