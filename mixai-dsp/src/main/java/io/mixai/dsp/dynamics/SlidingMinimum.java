package io.mixai.dsp.dynamics;

/**
 * The minimum of the last {@code window} values pushed, in O(1) amortised time and no
 * allocation (a monotonic queue: Lemire, "Streaming maximum-minimum filter using no more than
 * three comparisons per element", 2006). Before {@code window} values have been pushed, the
 * minimum is over those pushed so far.
 */
final class SlidingMinimum {

    private final int window;
    private final double[] values;
    private final long[] times;
    private int head;
    private int size;
    private long now;

    SlidingMinimum(int window) {
        this.window = window;
        this.values = new double[window];
        this.times = new long[window];
    }

    void reset() {
        head = 0;
        size = 0;
        now = 0;
    }

    double push(double value) {
        // drop the entry that leaves the window
        if (size > 0 && times[head] <= now - window) {
            head = (head + 1) % window;
            size--;
        }
        // drop larger-or-equal entries from the back: they can never be the minimum again
        while (size > 0) {
            int back = (head + size - 1) % window;
            if (values[back] < value) {
                break;
            }
            size--;
        }
        int slot = (head + size) % window;
        values[slot] = value;
        times[slot] = now;
        size++;
        now++;
        return values[head];
    }
}
