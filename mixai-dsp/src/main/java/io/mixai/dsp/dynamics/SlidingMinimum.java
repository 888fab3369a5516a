package io.mixai.dsp.dynamics;

/**
 * The minimum of the last {@code window} values pushed, in O(1) amortised time and no
 * allocation (a monotonic queue: Lemire, "Streaming maximum-minimum filter using no more than
 * three comparisons per element", 2006). Before {@code window} values have been pushed, the
 * minimum is over those pushed so far.
 */
final class SlidingMinimum {

    private final int window;
    /** Ring capacity minus one; the capacity is a power of two, so wrapping is a mask, not a division. */
    private final int mask;
    private final double[] values;
    private final long[] times;
    private int head;
    private int size;
    private long now;

    SlidingMinimum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
        int capacity = Integer.highestOneBit(window) == window ? window : Integer.highestOneBit(window) << 1;
        this.mask = capacity - 1;
        this.values = new double[capacity];
        this.times = new long[capacity];
    }

    void reset() {
        head = 0;
        size = 0;
        now = 0;
    }

    double push(double value) {
        // drop the entry that leaves the window
        if (size > 0 && times[head] <= now - window) {
            head = (head + 1) & mask;
            size--;
        }
        // drop larger-or-equal entries from the back: they can never be the minimum again
        while (size > 0) {
            int back = (head + size - 1) & mask;
            if (values[back] < value) {
                break;
            }
            size--;
        }
        int slot = (head + size) & mask;
        values[slot] = value;
        times[slot] = now;
        size++;
        now++;
        return values[head];
    }
}
