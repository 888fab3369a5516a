/*
 * ebur128-loudness: integrated loudness, loudness range, true peak and sample peak of audio
 * files with libebur128, as a baseline for benchmarks/compare-tools.sh. Reads with libsndfile
 * in blocks of 4096 frames (memory does not grow with the file); the same measurements as
 * `mixai loudness` (EBU R 128 / ITU-R BS.1770-4, true peak by 4x oversampling).
 *
 *   gcc -O2 -o ebur128-loudness ebur128-loudness.c -lebur128 -lsndfile -lm
 *   ./ebur128-loudness FILE...
 *
 * Debian: libebur128-dev, libsndfile1-dev.
 */
#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

#define BLOCK_FRAMES 4096

static int measure(const char *path) {
    SF_INFO info = {0};
    SNDFILE *file = sf_open(path, SFM_READ, &info);
    if (!file) {
        fprintf(stderr, "%s: %s\n", path, sf_strerror(NULL));
        return 1;
    }
    ebur128_state *state = ebur128_init((unsigned) info.channels, (unsigned long) info.samplerate,
            EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK);
    float *block = malloc(sizeof(float) * (size_t) info.channels * BLOCK_FRAMES);
    if (!state || !block) {
        fprintf(stderr, "%s: out of memory\n", path);
        sf_close(file);
        return 1;
    }
    sf_count_t n;
    while ((n = sf_readf_float(file, block, BLOCK_FRAMES)) > 0) {
        if (ebur128_add_frames_float(state, block, (size_t) n) != EBUR128_SUCCESS) {
            fprintf(stderr, "%s: libebur128 failed\n", path);
            return 1;
        }
    }
    double integrated, range, truePeak = 0, samplePeak = 0, v;
    ebur128_loudness_global(state, &integrated);
    ebur128_loudness_range(state, &range);
    for (unsigned c = 0; c < (unsigned) info.channels; c++) {
        ebur128_true_peak(state, c, &v);
        if (v > truePeak) truePeak = v;
        ebur128_sample_peak(state, c, &v);
        if (v > samplePeak) samplePeak = v;
    }
    printf("%s: I=%.2f LUFS LRA=%.2f LU TP=%.2f dBTP SP=%.2f dBFS\n", path, integrated, range,
            20 * log10(truePeak), 20 * log10(samplePeak));
    free(block);
    ebur128_destroy(&state);
    sf_close(file);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        failed |= measure(argv[i]);
    }
    return failed;
}
